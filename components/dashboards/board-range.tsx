"use client";
import { useId, useState } from "react";
import { ControlField, ControlMessages, ControlSelect, controlClass } from "@/components/query-builder/control-field";
import { DATE_PRESET_LABELS } from "@/lib/format/labels";
import { DATE_PRESETS, dateRangeSchema, type DateRange } from "@/lib/query/date-presets";
import { resolveRange } from "@/lib/query/resolve-range";

const OWN = "own";
const OPTIONS = [
  { value: OWN, label: "Each report's own range" },
  ...([...DATE_PRESETS, "custom"] as const).map((preset) => ({ value: preset, label: DATE_PRESET_LABELS[preset] })),
];

/** The dates a preset covers today (in UTC: each site resolves its own), so "Custom dates" opens on something sensible. */
function customFrom(range: DateRange | null, now: Date): DateRange {
  if (range?.preset === "custom") return range;
  const resolved = resolveRange(range ?? { preset: "last_30_days" }, { timezone: "UTC", now });
  return { preset: "custom", from: resolved.startDate, to: resolved.endDate };
}

/** Why two typed dates are not a range yet, or null when they are one. */
function datesProblem(from: string, to: string): string | null {
  const parsed = dateRangeSchema.safeParse({ preset: "custom", from, to });
  if (!parsed.success) return "Type both dates, like 2024-01-31.";
  return to < from ? "The start date is after the end date — swap them." : null;
}

/**
 * The board's date range: each report's own, a preset (resolved in each site's timezone), or custom
 * dates, which apply once both make a range.
 */
export function BoardRange({ range, onChange }: { range: DateRange | null; onChange: (range: DateRange | null) => void }) {
  return (
    <div className="flex flex-col gap-2">
      <ControlSelect
        label="Date range"
        value={range?.preset ?? OWN}
        options={OPTIONS}
        onChange={(value) => {
          if (value === OWN) onChange(null);
          else if (value === "custom") onChange(customFrom(range, new Date()));
          else onChange({ preset: value as Exclude<DateRange["preset"], "custom"> });
        }}
      />
      {range?.preset === "custom" ? <CustomDates key={`${range.from}..${range.to}`} range={range} onChange={onChange} /> : null}
    </div>
  );
}

function CustomDates({ range, onChange }: { range: Extract<DateRange, { preset: "custom" }>; onChange: (range: DateRange) => void }) {
  const [from, setFrom] = useState(range.from);
  const [to, setTo] = useState(range.to);
  const problem = datesProblem(from, to);
  const messageId = `${useId()}-dates`;

  function change(nextFrom: string, nextTo: string) {
    setFrom(nextFrom);
    setTo(nextTo);
    if (datesProblem(nextFrom, nextTo) === null) onChange({ preset: "custom", from: nextFrom, to: nextTo });
  }

  return (
    <div className="flex flex-col gap-1">
      <div className="grid grid-cols-2 gap-2">
        {(["From", "To"] as const).map((label) => (
          <ControlField key={label} label={label}>
            {(props) => (
              <input
                {...props}
                type="date"
                className={controlClass}
                value={label === "From" ? from : to}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? messageId : undefined}
                onChange={(event) => (label === "From" ? change(event.target.value, to) : change(from, event.target.value))}
              />
            )}
          </ControlField>
        ))}
      </div>
      <ControlMessages id={messageId} messages={problem ? [problem] : []} />
    </div>
  );
}
