/**
 * Reader-facing names for Sounding's own choices: date groupings, comparisons, chart kinds and date presets.
 * Fathom's metrics, fields and operators are named once, in lib/query/fathom-fields.ts. Isomorphic.
 */
import type { DatePreset } from "@/lib/query/date-presets";

export const GROUPING_LABELS = {
  auto: "Automatic",
  none: "No date grouping",
  hour: "Hourly",
  day: "Daily",
  month: "Monthly",
  year: "Yearly",
} as const;

export const COMPARISON_LABELS = {
  none: "No comparison",
  previous_period: "Previous period",
  previous_period_weekday: "Previous period, matching weekdays",
  previous_year: "Previous year",
} as const;

export const CHART_LABELS = {
  auto: "Automatic",
  line: "Line",
  area: "Area",
  bar: "Bars",
  table: "Table only",
} as const;

export const DATE_PRESET_LABELS: Record<DatePreset | "custom", string> = {
  today: "Today",
  yesterday: "Yesterday",
  last_7_days: "Last 7 days",
  last_30_days: "Last 30 days",
  last_90_days: "Last 90 days",
  this_week: "This week",
  last_week: "Last week",
  this_month: "This month",
  last_month: "Last month",
  this_quarter: "This quarter",
  last_quarter: "Last quarter",
  this_year: "This year",
  last_year: "Last year",
  last_12_months: "Last 12 months",
  all_time: "All time",
  custom: "Custom dates",
};
