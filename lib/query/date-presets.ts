/**
 * The date ranges a report can ask for: a named preset resolved against "today" in the site's timezone,
 * or custom calendar dates. Isomorphic; resolution lives in resolve-range.ts.
 */
import { z } from "zod";

export const DATE_PRESETS = [
  "today",
  "yesterday",
  "last_7_days",
  "last_30_days",
  "last_90_days",
  "this_week",
  "last_week",
  "this_month",
  "last_month",
  "this_quarter",
  "last_quarter",
  "this_year",
  "last_year",
  "last_12_months",
  "all_time",
] as const;
export const datePresetSchema = z.enum(DATE_PRESETS, { error: "Pick a date range from the list" });
export type DatePreset = z.infer<typeof datePresetSchema>;

/** A calendar date, `YYYY-MM-DD`, that exists (no 31 February). */
export const isoDateSchema = z.iso.date({ error: "Use a date like 2024-01-31" });

export const dateRangeSchema = z.discriminatedUnion(
  "preset",
  [
    z.object({ preset: datePresetSchema }),
    z.object({ preset: z.literal("custom"), from: isoDateSchema, to: isoDateSchema }),
  ],
  { error: "Pick a date range from the list, or custom dates" },
);
export type DateRange = z.infer<typeof dateRangeSchema>;

/**
 * The longest a preset can be, in calendar days, whatever today is. The query rules use it so that a
 * report valid today stays valid tomorrow (e.g. "this month" hourly is refused even on the 3rd).
 */
export const PRESET_MAX_DAYS: Record<DatePreset, number> = {
  today: 1,
  yesterday: 1,
  last_7_days: 7,
  last_30_days: 30,
  last_90_days: 90,
  this_week: 7,
  last_week: 7,
  this_month: 31,
  last_month: 31,
  this_quarter: 92,
  last_quarter: 92,
  this_year: 366,
  last_year: 366,
  last_12_months: 366,
  all_time: Number.POSITIVE_INFINITY,
};

/** Calendar days from `from` to `to`, both included (0 or less when `to` is before `from`). */
export function daysBetweenInclusive(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.round(ms / 86_400_000) + 1;
}

/** The longest the range can be in calendar days, independent of today. */
export function maxRangeDays(range: DateRange): number {
  return range.preset === "custom" ? daysBetweenInclusive(range.from, range.to) : PRESET_MAX_DAYS[range.preset];
}
