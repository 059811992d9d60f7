"use client";
import dynamic from "next/dynamic";
import { DATE_PRESET_LABELS } from "@/lib/format/labels";
import { DATE_PRESETS, type DateRange } from "@/lib/query/date-presets";
import { messagesAt, type BuilderSectionProps } from "./builder-messages";
import { ControlSelect } from "./control-field";
import { changeRangePreset } from "@/lib/query/query-edits";

const PRESET_OPTIONS = ([...DATE_PRESETS, "custom"] as const).map((preset) => ({ value: preset, label: DATE_PRESET_LABELS[preset] }));

/**
 * Custom dates (two date fields and a calendar in a popover) are only needed once someone picks them: they
 * and the popover library stay out of the page's first load unless the report already has custom dates.
 */
const CustomDates = dynamic(() => import("./custom-dates").then((module) => module.CustomDates), {
  loading: () => <p className="text-sm text-muted">Loading the date fields…</p>,
});

/**
 * The date range: a preset (resolved in the site's timezone on the server), or custom dates typed in
 * two date fields or picked on a calendar (two clicks: the first day, then the last).
 */
export function DateRangePicker({
  value,
  onChange,
  messages,
  timezone,
}: BuilderSectionProps & { timezone: string }) {
  const range = value.range;
  const rangeMessages = messagesAt(messages, "range");
  return (
    <div className="flex flex-col gap-2">
      <ControlSelect
        label="Date range"
        messages={range.preset === "custom" ? [] : rangeMessages}
        hint={`Dates are in the site's timezone (${timezone}).`}
        value={range.preset}
        options={PRESET_OPTIONS}
        onChange={(preset) => onChange(changeRangePreset(value, preset as DateRange["preset"], { timezone, now: new Date() }))}
      />
      {range.preset === "custom" ? (
        <CustomDates value={value} from={range.from} to={range.to} onChange={onChange} timezone={timezone} messages={rangeMessages} />
      ) : null}
    </div>
  );
}
