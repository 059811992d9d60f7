"use client";
import { useEffect, useId, useRef } from "react";
import { GROUPING_LABELS } from "@/lib/format/labels";
import { fieldLabel, type GroupableField } from "@/lib/query/fathom-fields";
import { GROUPING_CHOICES, type GroupingChoice } from "@/lib/query/report-query";
import { messagesAt, type BuilderSectionProps } from "./builder-messages";
import { AddChoiceSelect } from "./add-choice-select";
import { ControlMessages, ControlSelect, labelClass } from "./control-field";
import { addGroupBy, groupableFieldsLeft, removeGroupBy } from "@/lib/query/query-edits";

const GROUPING_OPTIONS = GROUPING_CHOICES.map((choice) => ({ value: choice, label: GROUPING_LABELS[choice] }));

/** The date grouping (automatic, none, hourly…) and the fields to group by, several at once. */
export function GroupingSection({
  value,
  onChange,
  messages,
}: BuilderSectionProps) {
  const id = useId();
  const left = groupableFieldsLeft(value);
  const byMessages = messagesAt(messages, "by");
  const removeButtons = useRef(new Map<GroupableField, HTMLButtonElement>());
  const addSelect = useRef<HTMLSelectElement>(null);
  const focusAfter = useRef<GroupableField | "add" | null>(null);

  // A removed field's button is gone: focus the next field's, or the select to add one, once rendered.
  useEffect(() => {
    const target = focusAfter.current;
    if (target === null) return;
    const element = target === "add" ? addSelect.current : removeButtons.current.get(target);
    if (!element) return;
    focusAfter.current = null;
    element.focus();
  });

  function remove(field: GroupableField) {
    const at = value.by.indexOf(field);
    focusAfter.current = value.by[at + 1] ?? "add";
    onChange(removeGroupBy(value, field));
  }

  return (
    <div className="flex flex-col gap-3">
      <ControlSelect
        label="Date grouping"
        messages={messagesAt(messages, "grouping")}
        hint={value.grouping === "auto" ? "Hourly up to 2 days, daily up to 3 months, monthly beyond." : undefined}
        value={value.grouping}
        options={GROUPING_OPTIONS}
        onChange={(choice) => {
          const grouping = choice as GroupingChoice;
          const sort = grouping === "none" && value.sort?.field === "timestamp" ? undefined : value.sort;
          onChange({ ...value, grouping, sort });
        }}
      />

      <div className="flex flex-col gap-1">
        <span id={`${id}-label`} className={labelClass}>
          Group by
        </span>
        {value.by.length > 0 ? (
          <ul aria-labelledby={`${id}-label`} className="flex flex-wrap gap-1">
            {value.by.map((field) => (
              <li key={field} className="flex items-center gap-1 rounded-full border border-line bg-canvas py-0.5 pl-2 pr-0.5 text-sm">
                {fieldLabel(field)}
                <button
                  type="button"
                  className="rounded-full px-1.5 text-muted hover:bg-line hover:text-ink"
                  ref={(element) => {
                    if (element) removeButtons.current.set(field, element);
                    else removeButtons.current.delete(field);
                  }}
                  aria-label={`Stop grouping by ${fieldLabel(field)}`}
                  onClick={() => remove(field)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-xs text-muted">Not grouped by any field: one row per date bucket, or one total.</p>
        )}
        {left.length > 0 ? (
          <AddChoiceSelect
            label="Add a field to group by"
            placeholder="Add a field…"
            describedBy={byMessages.length ? `${id}-messages` : undefined}
            choices={left.map((field) => ({ value: field, label: fieldLabel(field) }))}
            onAdd={(field: GroupableField) => onChange(addGroupBy(value, field))}
            selectRef={addSelect}
          />
        ) : null}
        <ControlMessages id={`${id}-messages`} messages={byMessages} />
      </div>
    </div>
  );
}
