"use client";
import { sortFieldLabel } from "@/lib/query/fathom-fields";
import { MAX_LIMIT, type ReportSort } from "@/lib/query/report-query";
import { messagesAt, type BuilderSectionProps } from "./builder-messages";
import { ControlField, controlClass } from "./control-field";
import { sortFieldsFor } from "@/lib/query/query-edits";

/** Sort by a chosen metric, grouping or the date, and how many rows to ask for. */
export function SortLimitSection({
  value,
  onChange,
  messages,
}: BuilderSectionProps) {
  const fields = sortFieldsFor(value);
  const sort = value.sort;
  const listed = sort && !fields.includes(sort.field) ? [...fields, sort.field] : fields;
  return (
    <div className="grid grid-cols-2 gap-2">
      <ControlField label="Sort by" messages={messagesAt(messages, "sort")} className="col-span-2 sm:col-span-1 lg:col-span-2 xl:col-span-1">
        {(props) => (
          <div className="flex gap-1">
            <select
              {...props}
              className={controlClass}
              value={sort?.field ?? ""}
              onChange={(event) => {
                const field = event.target.value as ReportSort["field"] | "";
                onChange({ ...value, sort: field ? { field, direction: sort?.direction ?? "desc" } : undefined });
              }}
            >
              <option value="">Fathom&apos;s order</option>
              {listed.map((field) => (
                <option key={field} value={field}>
                  {sortFieldLabel(field)}
                </option>
              ))}
            </select>
            {sort ? (
              <select
                aria-label="Sort direction"
                className={`${controlClass} w-auto`}
                value={sort.direction}
                onChange={(event) => onChange({ ...value, sort: { ...sort, direction: event.target.value as ReportSort["direction"] } })}
              >
                <option value="desc">{sort.field === "timestamp" ? "Newest first" : "Highest first"}</option>
                <option value="asc">{sort.field === "timestamp" ? "Oldest first" : "Lowest first"}</option>
              </select>
            ) : null}
          </div>
        )}
      </ControlField>
      <ControlField label="Row limit" messages={messagesAt(messages, "limit")} className="col-span-2 sm:col-span-1 lg:col-span-2 xl:col-span-1">
        {(props) => (
          <input
            {...props}
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_LIMIT}
            step={1}
            placeholder="No limit"
            className={controlClass}
            value={value.limit ?? ""}
            onChange={(event) => {
              const text = event.target.value;
              onChange({ ...value, limit: text === "" ? undefined : Number(text) });
            }}
          />
        )}
      </ControlField>
    </div>
  );
}
