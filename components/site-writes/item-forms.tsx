"use client";
import { useState } from "react";
import type { z } from "zod";
import { Field } from "@/components/ui/field";
import { fieldsFromZod } from "@/lib/api/errors";
import { fathomLength } from "@/lib/query/fathom-fields";
import { fieldsOf, type MutationHooks } from "./write-messages";

/** What a milestone or event form takes besides its `onSubmit`, whatever the item. */
export type ItemFormProps<D> = {
  /** The values the form starts from (and keeps while a write is refused). */
  draft: D;
  onDraftChange: (draft: D) => void;
  submitLabel: string;
  /** Field messages from the last refused write (Fathom's own, or Sounding's). */
  serverFields?: Record<string, string[]>;
  pending?: boolean;
  onCancel?: () => void;
  /** Distinguishes the labels of several forms on one page for screen readers ("Name of …"). */
  labelSuffix?: string;
  autoFocus?: boolean;
};

/** The form props of a create or edit form of a milestone or event that come from its state and its mutation. */
type FormState<D, I> = {
  draft: D;
  onDraftChange: (draft: D) => void;
  pending: boolean;
  serverFields: Record<string, string[]> | undefined;
  onSubmit: (input: I) => void;
};

type Mutation = { isPending: boolean; error: unknown; reset: () => void };

/** The create form's state: it starts empty, and empties again once Fathom has the new item. */
export function useCreateForm<D, I>(emptyDraft: () => D, create: Mutation & { mutate: (input: I, options: { onSuccess: () => void }) => void }): FormState<D, I> {
  const [draft, setDraft] = useState(emptyDraft);
  return {
    draft,
    onDraftChange: setDraft,
    pending: create.isPending,
    serverFields: fieldsOf(create.error),
    onSubmit: (input) => create.mutate(input, { onSuccess: () => setDraft(emptyDraft()) }),
  };
}

/**
 * The edit state of one row. `hooks` go to the row's update mutation: a refused update has already put the
 * row back as it was, and reopens the form with what was typed so Fathom's field messages show next to it.
 */
export function useRowEditing<D>(item: { id: string; name: string }, draftOf: () => D, hooks: MutationHooks) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(draftOf);
  const rowHooks: MutationHooks = {
    ...hooks,
    onFailure: (error, what) => {
      setEditing(true);
      hooks.onFailure?.(error, what);
    },
  };
  return {
    editing,
    hooks: rowHooks,
    /** Opens the form on the item as it is now. */
    open: (update: Mutation) => {
      setDraft(draftOf());
      update.reset();
      setEditing(true);
    },
    /** The edit form's props: labelled after the item, closed on cancel and as soon as the change is sent. */
    formProps: <C,>(update: Mutation & { mutate: (variables: { id: string; change: C }) => void }) => ({
      draft,
      onDraftChange: setDraft,
      pending: update.isPending,
      serverFields: fieldsOf(update.error),
      submitLabel: "Save",
      labelSuffix: ` of “${item.name}”`,
      autoFocus: true,
      onCancel: () => {
        setEditing(false);
        update.reset();
      },
      onSubmit: (change: C) => {
        setEditing(false);
        update.mutate({ id: item.id, change });
      },
    }),
  };
}

/**
 * The messages a write form shows beside its fields: its own check's until the next change, else those of
 * the server's last refusal. `otherMessages` are about no field of the form (Fathom's about the whole write).
 */
export function useFieldMessages<D>(serverFields: Record<string, string[]> | undefined, formFields: readonly string[], onDraftChange: (draft: D) => void) {
  const [own, setOwn] = useState<Record<string, string[]> | null>(null);
  const fields = own ?? serverFields ?? {};
  return {
    fields,
    otherMessages: Object.entries(fields)
      .filter(([key]) => !formFields.includes(key))
      .flatMap(([, messages]) => messages),
    /** Shows messages of the form's own (a check the schema cannot word). */
    show: setOwn,
    /** A change to the draft clears the form's own messages. */
    change: (next: D) => {
      setOwn(null);
      onDraftChange(next);
    },
    /** Hands checked input on, or shows beside the fields why it cannot be sent: a bad value never leaves the browser. */
    sendIfValid: <T,>(parsed: z.ZodSafeParseResult<T>, send: (input: T) => void) => {
      if (!parsed.success) return setOwn(fieldsFromZod(parsed.error));
      setOwn(null);
      send(parsed.data);
    },
  };
}

type NameFieldProps = {
  value: string;
  onChange: (value: string) => void;
  /** Fathom's limit, shown as `n/limit characters`, from `countAfter` characters on (always when not given). */
  limit: number;
  countAfter?: number;
  labelSuffix: string;
  autoFocus?: boolean;
  errors?: string[];
};

/** The name of a milestone or event. */
export function ItemNameField({ value, onChange, limit, countAfter = -1, labelSuffix, autoFocus, errors }: NameFieldProps) {
  const length = fathomLength(value.trim());
  return (
    <div className="flex-1">
      <Field
        label={`Name${labelSuffix}`}
        name="name"
        value={value}
        autoComplete="off"
        autoFocus={autoFocus}
        onChange={(event) => onChange(event.target.value)}
        hint={length > countAfter ? `${length}/${limit} characters` : undefined}
        errors={errors}
      />
    </div>
  );
}
