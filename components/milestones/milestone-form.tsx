"use client";
import type { FormEvent } from "react";
import { ItemNameField, useFieldMessages, type ItemFormProps } from "@/components/site-writes/item-forms";
import { FormActions } from "@/components/ui/form-actions";
import { Field } from "@/components/ui/field";
import { MAX_MILESTONE_NAME_LENGTH } from "@/lib/query/fathom-fields";
import { milestoneInputSchema, type MilestoneInput } from "@/lib/sites/milestone-input";

export type MilestoneDraft = { name: string; milestone_date: string };

type Props = ItemFormProps<MilestoneDraft> & {
  /** Called with checked input only: a bad name or date never leaves the browser. */
  onSubmit: (input: MilestoneInput) => void;
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
  const { fields, otherMessages, change, sendIfValid } = useFieldMessages(serverFields, ["name", "milestone_date"], onDraftChange);

  function submit(event: FormEvent) {
    event.preventDefault();
    sendIfValid(milestoneInputSchema.safeParse(draft), onSubmit);
  }

  return (
    <form onSubmit={submit} noValidate className={`flex flex-col gap-3 ${stacked ? "" : "sm:flex-row sm:items-start"}`}>
      <ItemNameField
        value={draft.name}
        onChange={(name) => change({ ...draft, name })}
        limit={MAX_MILESTONE_NAME_LENGTH}
        labelSuffix={labelSuffix}
        autoFocus={autoFocus}
        errors={fields.name}
      />
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
        otherMessages={otherMessages}
        submitLabel={submitLabel}
        pending={pending}
        onCancel={onCancel}
        className={stacked ? "justify-end" : "sm:pt-6"}
      />
    </form>
  );
}
