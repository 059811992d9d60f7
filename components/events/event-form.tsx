"use client";
import type { FormEvent } from "react";
import { ItemNameField, useFieldMessages, type ItemFormProps } from "@/components/site-writes/item-forms";
import { SelectField } from "@/components/ui/field";
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

type CommonProps = ItemFormProps<EventDraft>;

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
  const { fields, otherMessages, change, show, sendIfValid } = useFieldMessages(serverFields, ["name", "currency"], onDraftChange);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (props.mode === "create") return sendIfValid(createEventInputSchema.safeParse({ name: draft.name, currency: draft.currency || undefined }), props.onSubmit);
    const parsed = updateEventInputSchema.safeParse({
      name: draft.name.trim() !== props.current.name ? draft.name : undefined,
      currency: draft.currency && draft.currency !== props.current.currency ? draft.currency : undefined,
    });
    // Nothing changed: say it where the person is looking.
    if (!parsed.success && fieldsFromZod(parsed.error)._) return show({ name: ["Change the name or the currency, or cancel"] });
    sendIfValid(parsed, props.onSubmit);
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-start">
      <ItemNameField
        value={draft.name}
        onChange={(name) => change({ ...draft, name })}
        limit={MAX_NAME_LENGTH}
        countAfter={MAX_NAME_LENGTH - 30}
        labelSuffix={labelSuffix}
        autoFocus={autoFocus}
        errors={fields.name}
      />
      <div className="sm:w-48">
        <CurrencySelect
          label={`Currency${labelSuffix}`}
          value={draft.currency}
          onChange={(currency) => change({ ...draft, currency })}
          errors={fields.currency}
          keepOption={props.mode === "edit" && props.current.currency === null}
        />
      </div>
      <FormActions otherMessages={otherMessages} submitLabel={submitLabel} pending={pending} onCancel={onCancel} />
    </form>
  );
}
