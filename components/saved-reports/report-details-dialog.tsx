"use client";
import { Dialog } from "radix-ui";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { dialogPanelClass, overlayClass } from "@/components/ui/confirm-dialog";
import { Field, inputClass } from "@/components/ui/field";
import { ApiClientError } from "@/lib/api/client";
import { MAX_REPORT_DESCRIPTION, MAX_REPORT_NAME, reportDescriptionSchema, reportNameSchema } from "@/lib/reports/saved-report";

export type ReportDetails = { name: string; description: string };

export type ReportDetailsDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** "Save report", "Save as a new report", "Rename report". */
  title: string;
  /** What saving does, in a sentence (the dialog's description). */
  explanation: string;
  submitLabel: string;
  initial: ReportDetails;
  /** Saves; throws (an ApiClientError) to keep the dialog open with the server's messages. */
  onSubmit: (details: ReportDetails) => Promise<void>;
  /** Where focus goes when the dialog closes (default: back to what opened it). */
  onCloseAutoFocus?: (event: Event) => void;
};

type Messages = { name?: string[]; description?: string[]; other?: string[] };

/** The form's own checks, with the same schemas the route parses with: what the server would refuse is said here first. */
function check(details: ReportDetails): Messages {
  const name = reportNameSchema.safeParse(details.name);
  const description = reportDescriptionSchema.safeParse(details.description);
  return {
    name: name.success ? undefined : name.error.issues.map((issue) => issue.message),
    description: description.success ? undefined : description.error.issues.map((issue) => issue.message),
  };
}

function serverMessages(error: unknown): Messages {
  if (!(error instanceof ApiClientError)) return { other: ["The report could not be saved. Try again."] };
  const { name, description, ...rest } = error.fields;
  const other = Object.values(rest).flat();
  return { name, description, other: [error.message, ...other.filter((message) => message !== error.message)] };
}

function DetailsForm({ submitLabel, initial, onSubmit, onCancel }: Pick<ReportDetailsDialogProps, "submitLabel" | "initial" | "onSubmit"> & { onCancel: () => void }) {
  const id = useId();
  const [details, setDetails] = useState(initial);
  const [messages, setMessages] = useState<Messages>({});
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = check(details);
    setMessages(found);
    if (found.name || found.description) {
      // Focus goes to the first field at fault, whose message is read with it.
      const field = event.currentTarget.elements.namedItem(found.name ? "name" : "description");
      if (field instanceof HTMLElement) field.focus();
      return;
    }
    setPending(true);
    try {
      await onSubmit({ name: details.name.trim(), description: details.description.trim() });
    } catch (error) {
      setMessages(serverMessages(error));
      setPending(false);
    }
  }

  const describedBy = [`${id}-description-hint`, messages.description ? `${id}-description-error` : null].filter(Boolean).join(" ");
  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-3">
      <Field
        name="name"
        label="Name"
        value={details.name}
        autoComplete="off"
        required
        errors={messages.name}
        hint={`What the team will look for on the Reports page; up to ${MAX_REPORT_NAME} characters.`}
        onChange={(event) => setDetails({ ...details, name: event.target.value })}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-description`} className="text-sm font-medium">
          Description <span className="font-normal text-muted">(optional)</span>
        </label>
        <textarea
          id={`${id}-description`}
          name="description"
          className={`${inputClass} min-h-20`}
          value={details.description}
          aria-invalid={messages.description ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => setDetails({ ...details, description: event.target.value })}
        />
        <p id={`${id}-description-hint`} className="text-xs text-muted">
          What the report answers, for whoever opens it next; up to {MAX_REPORT_DESCRIPTION.toLocaleString("en-US")} characters.
        </p>
        {messages.description ? (
          <p id={`${id}-description-error`} role="alert" className="text-xs text-bad">
            {messages.description.join(" ")}
          </p>
        ) : null}
      </div>
      {messages.other?.length ? (
        <p role="alert" className="text-sm text-bad">
          {messages.other.join(" ")}
        </p>
      ) : null}
      <div className="mt-1 flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
      </div>
    </form>
  );
}

/**
 * A saved report's name and description in a dialog: Explore's "Save" and "Save as new", and "Rename"
 * on the Reports page. Focus starts on the name; problems show beside the field at fault (the name is
 * checked here with the route's own schema, the server's messages are shown as they come).
 */
export function ReportDetailsDialog({ open, onOpenChange, title, explanation, onCloseAutoFocus, ...form }: ReportDetailsDialogProps) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className={overlayClass} />
        <Dialog.Content className={dialogPanelClass} onCloseAutoFocus={onCloseAutoFocus}>
          <Dialog.Title className="text-lg font-semibold">{title}</Dialog.Title>
          <Dialog.Description className="text-sm text-muted">{explanation}</Dialog.Description>
          {open ? <DetailsForm {...form} onCancel={() => onOpenChange(false)} /> : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
