"use client";
import { useId } from "react";
import { GROUPING_LABELS } from "@/lib/format/labels";
import { fieldLabel, type GroupableField } from "@/lib/query/fathom-fields";
import { GROUPING_CHOICES, type GroupingChoice } from "@/lib/query/report-query";
import { messagesAt, type BuilderSectionProps } from "./builder-messages";
import { ControlMessages, ControlSelect, controlClass, labelClass } from "./control-field";
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
                  aria-label={`Stop grouping by ${fieldLabel(field)}`}
                  onClick={() => onChange(removeGroupBy(value, field))}
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
          <select
            aria-label="Add a field to group by"
            aria-describedby={byMessages.length ? `${id}-messages` : undefined}
            className={controlClass}
            value=""
            onChange={(event) => {
              if (event.target.value) onChange(addGroupBy(value, event.target.value as GroupableField));
            }}
          >
            <option value="">Add a field…</option>
            {left.map((field) => (
              <option key={field} value={field}>
                {fieldLabel(field)}
              </option>
            ))}
          </select>
        ) : null}
        <ControlMessages id={`${id}-messages`} messages={byMessages} />
      </div>
    </div>
  );
}
