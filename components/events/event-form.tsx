"use client";
import { useState, type FormEvent } from "react";
import { Field, SelectField } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { fieldsFromZod } from "@/lib/api/errors";
import { EVENT_CURRENCIES, MAX_NAME_LENGTH, type EventCurrency } from "@/lib/query/fathom-fields";
import { CURRENCY_LABELS, createEventInputSchema, updateEventInputSchema, type CreateEventInput, type UpdateEventInput } from "@/lib/sites/event-input";

export type EventDraft = { name: string; currency: EventCurrency | "" };

function CurrencySelect({
  label,
  value,
  onChange,
  errors,
  keepOption,
}: {
  label: string;
  value: EventCurrency | "";
  onChange: (value: EventCurrency | "") => void;
  errors?: string[];
  /** Offer "keep as it is" (the empty value): for an edit where Fathom never told us the currency. */
  keepOption?: boolean;
}) {
  return (
    <SelectField label={label} name="currency" value={value} errors={errors} onChange={(event) => onChange(event.target.value as EventCurrency | "")}>
      {keepOption ? <option value="">Keep as it is</option> : null}
      {EVENT_CURRENCIES.map((currency) => (
        <option key={currency} value={currency}>
          {CURRENCY_LABELS[currency]}
        </option>
      ))}
    </SelectField>
  );
}

type CommonProps = {
  draft: EventDraft;
  onDraftChange: (draft: EventDraft) => void;
  submitLabel: string;
  serverFields?: Record<string, string[]>;
  pending?: boolean;
  onCancel?: () => void;
  labelSuffix?: string;
  autoFocus?: boolean;
};

type Props =
  | (CommonProps & { mode: "create"; onSubmit: (input: CreateEventInput) => void })
  | (CommonProps & {
      mode: "edit";
      /** The event as it is, so only what changed is sent. */
      current: { name: string; currency: EventCurrency | null };
      onSubmit: (change: UpdateEventInput) => void;
    });

/** Name and currency of an event, checked against Fathom's rules before anything is sent. */
export function EventForm(props: Props) {
  const { draft, onDraftChange, submitLabel, serverFields, pending, onCancel, labelSuffix = "", autoFocus } = props;
  const [localFields, setLocalFields] = useState<Record<string, string[]> | null>(null);
  const fields = localFields ?? serverFields ?? {};
  const others = Object.entries(fields).filter(([key]) => key !== "name" && key !== "currency");

  function submit(event: FormEvent) {
    event.preventDefault();
    if (props.mode === "create") {
      const parsed = createEventInputSchema.safeParse({ name: draft.name, currency: draft.currency || undefined });
      if (!parsed.success) return setLocalFields(fieldsFromZod(parsed.error));
      setLocalFields(null);
      props.onSubmit(parsed.data);
      return;
    }
    const change = {
      name: draft.name.trim() !== props.current.name ? draft.name : undefined,
      currency: draft.currency && draft.currency !== props.current.currency ? draft.currency : undefined,
    };
    const parsed = updateEventInputSchema.safeParse(change);
    if (!parsed.success) {
      const messages = fieldsFromZod(parsed.error);
      // Nothing changed: say it where the person is looking.
      if (messages._) return setLocalFields({ name: ["Change the name or the currency, or cancel"] });
      return setLocalFields(messages);
    }
    setLocalFields(null);
    props.onSubmit(parsed.data);
  }

  function change(next: EventDraft) {
    setLocalFields(null);
    onDraftChange(next);
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-start">
      <div className="flex-1">
        <Field
          label={`Name${labelSuffix}`}
          name="name"
          value={draft.name}
          autoComplete="off"
          autoFocus={autoFocus}
          onChange={(event) => change({ ...draft, name: event.target.value })}
          hint={draft.name.trim().length > MAX_NAME_LENGTH - 30 ? `${draft.name.trim().length}/${MAX_NAME_LENGTH} characters` : undefined}
          errors={fields.name}
        />
      </div>
      <div className="sm:w-48">
        <CurrencySelect
          label={`Currency${labelSuffix}`}
          value={draft.currency}
          onChange={(currency) => change({ ...draft, currency })}
          errors={fields.currency}
          keepOption={props.mode === "edit" && props.current.currency === null}
        />
      </div>
      <FormActions otherMessages={others.flatMap(([, messages]) => messages)} submitLabel={submitLabel} pending={pending} onCancel={onCancel} />
    </form>
  );
}
