"use client";
import { MAX_CLIENT_NAME, SHARE_PASSWORD_MIN } from "@/lib/shares/share";
import { errorsAt } from "./field-errors";
import { Choice, TextField } from "./form-controls";
import { dayIn, type DraftProps } from "./share-draft";
import { useBrowserZone } from "./use-browser-zone";

type Props = DraftProps & {
  /** On edit: whether the share has a password now, and its expiry (null for never). */
  current?: { hasPassword: boolean; expiresAt: string | null };
};

/** Who the share is for and who may open it: the client's name, an optional password and an expiry day. */
export function AccessFields({ draft, onChange, errors, current }: Props) {
  const zone = useBrowserZone();
  // Untouched on edit: the share's own expiry, as a day in the reader's timezone.
  const expiresOn = draft.expiresOn ?? (current?.expiresAt ? dayIn(current.expiresAt, zone) : "");
  const passwordHint = current?.hasPassword
    ? "Leave empty to keep the current password"
    : `At least ${SHARE_PASSWORD_MIN} characters. Empty: anyone with the link can open it.`;
  return (
    <div className="flex flex-col gap-4">
      <TextField
        label="Client name"
        name="clientName"
        required
        autoComplete="off"
        maxLength={MAX_CLIENT_NAME}
        value={draft.clientName}
        onChange={(event) => onChange({ clientName: event.target.value })}
        errors={errorsAt(errors, "settings.clientName")}
      />
      <div className="flex flex-col gap-2">
        <TextField
          label="Password (optional)"
          name="password"
          type="password"
          autoComplete="new-password"
          value={draft.password}
          disabled={draft.removePassword}
          onChange={(event) => onChange({ password: event.target.value })}
          hint={passwordHint}
          errors={errorsAt(errors, "password")}
        />
        {current?.hasPassword ? (
          <Choice
            label="Remove the password"
            checked={draft.removePassword}
            onChange={(event) => onChange({ removePassword: event.target.checked, password: "" })}
            hint={draft.removePassword ? "Once you save, anyone with the link can open it." : undefined}
          />
        ) : null}
      </div>
      <TextField
        label="Expires on (optional)"
        name="expiresOn"
        type="date"
        value={expiresOn}
        onChange={(event) => onChange({ expiresOn: event.target.value })}
        hint={`The link stops working when this day ends (${zone} time). Empty: never.`}
        errors={errorsAt(errors, "expiresAt")}
      />
    </div>
  );
}
