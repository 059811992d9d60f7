"use client";
import { useState, type FormEvent } from "react";
import { FormActions } from "@/components/ui/form-actions";
import { Field } from "@/components/ui/field";
import { fieldsFromZod } from "@/lib/api/errors";
import { MAX_MILESTONE_NAME_LENGTH } from "@/lib/query/fathom-fields";
import { milestoneInputSchema, type MilestoneInput } from "@/lib/sites/milestone-input";

export type MilestoneDraft = { name: string; milestone_date: string };

type Props = {
  /** The values the form starts from (and keeps while a write is refused). */
  draft: MilestoneDraft;
  onDraftChange: (draft: MilestoneDraft) => void;
  /** Called with checked input only: a bad name or date never leaves the browser. */
  onSubmit: (input: MilestoneInput) => void;
  submitLabel: string;
  /** Field messages from the last refused write (Fathom's own, or Sounding's). */
  serverFields?: Record<string, string[]>;
  pending?: boolean;
  onCancel?: () => void;
  /** Distinguishes the labels of several forms on one page for screen readers ("Name of …"). */
  labelSuffix?: string;
  autoFocus?: boolean;
  /** One field under the other (dialogs, narrow places) instead of side by side from small screens up. */
  stacked?: boolean;
};

/** Name and date of a milestone, checked against Fathom's rules before anything is sent. */
export function MilestoneForm({
  draft,
  onDraftChange,
  onSubmit,
  submitLabel,
  serverFields,
  pending,
  onCancel,
  labelSuffix = "",
  autoFocus,
  stacked,
}: Props) {
  const [localFields, setLocalFields] = useState<Record<string, string[]> | null>(null);
  const fields = localFields ?? serverFields ?? {};
  const length = draft.name.trim().length;
  const others = Object.entries(fields).filter(([key]) => key !== "name" && key !== "milestone_date");

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = milestoneInputSchema.safeParse(draft);
    if (!parsed.success) {
      setLocalFields(fieldsFromZod(parsed.error));
      return;
    }
    setLocalFields(null);
    onSubmit(parsed.data);
  }

  function change(next: MilestoneDraft) {
    setLocalFields(null);
    onDraftChange(next);
  }

  return (
    <form onSubmit={submit} noValidate className={`flex flex-col gap-3 ${stacked ? "" : "sm:flex-row sm:items-start"}`}>
      <div className="flex-1">
        <Field
          label={`Name${labelSuffix}`}
          name="name"
          value={draft.name}
          autoComplete="off"
          autoFocus={autoFocus}
          onChange={(event) => change({ ...draft, name: event.target.value })}
          hint={`${length}/${MAX_MILESTONE_NAME_LENGTH} characters`}
          errors={fields.name}
        />
      </div>
      <div className={stacked ? "" : "sm:w-44"}>
        <Field
          label={`Date${labelSuffix}`}
          name="milestone_date"
          type="date"
          value={draft.milestone_date}
          onChange={(event) => change({ ...draft, milestone_date: event.target.value })}
          errors={fields.milestone_date}
        />
      </div>
      <FormActions
        otherMessages={others.flatMap(([, messages]) => messages)}
        submitLabel={submitLabel}
        pending={pending}
        onCancel={onCancel}
        className={stacked ? "justify-end" : "sm:pt-6"}
      />
    </form>
  );
}
