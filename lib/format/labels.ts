/**
 * Reader-facing names for Fathom's fields, filter operators, date groupings, comparisons and chart kinds.
 * Isomorphic; the query rules use them in their messages, the builder and the table in their controls.
 */
import type { DatePreset } from "@/lib/query/date-presets";
import type { FilterOperator, FilterProperty, GroupableField } from "@/lib/query/fathom-fields";

export const FIELD_LABELS: Record<GroupableField | FilterProperty, string> = {
  domain: "Domain",
  hostname: "Hostname",
  pathname: "Page",
  referrer_hostname: "Referrer host",
  referrer_pathname: "Referrer path",
  referrer_source: "Referrer",
  browser: "Browser",
  country_code: "Country",
  city: "City",
  state: "State",
  region: "Region",
  device_type: "Device",
  operating_system: "Operating system",
  utm_campaign: "UTM campaign",
  utm_content: "UTM content",
  utm_medium: "UTM medium",
  utm_source: "UTM source",
  utm_term: "UTM term",
  keyword: "Keyword",
  ref: "Ref",
};

export function fieldLabel(field: GroupableField | FilterProperty): string {
  return FIELD_LABELS[field];
}

export const OPERATOR_LABELS: Record<FilterOperator, string> = {
  is: "is",
  "is not": "is not",
  "is like": "contains",
  "is not like": "does not contain",
  matching: "matches pattern",
  "not matching": "does not match pattern",
};

export function operatorLabel(operator: FilterOperator): string {
  return OPERATOR_LABELS[operator];
}

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
