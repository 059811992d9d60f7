/**
 * A dashboard's current range and filters in its URL, so "this dashboard, last 7 days, country is DE" is
 * a link: `/dashboards/4?range=last_7_days&filter=country_code~is~DE`. The parameters are Explore's own
 * (url-codec.ts): `range=<preset>` or `range=2024-01-01..2024-01-31`, and `filter=property~operator~value`
 * repeated, each read through the report codec so a dashboard accepts exactly what Explore accepts.
 * Two words are the dashboard's alone, for going back from a saved range or saved filters to none:
 * `range=own` (each report's own range) and `filters=none`. No parameters means the dashboard's saved
 * range and filters. A hostile or broken value is ignored with a message, never thrown. Isomorphic, pure.
 */
import type { DateRange } from "@/lib/query/date-presets";
import { MAX_FILTERS, type ReportFilter } from "@/lib/query/report-query";
import { decodeReportQuery, type SearchInput } from "@/lib/query/url-codec";
import { mergeFilters, sameFilter, type BoardScope } from "./tile-query";

/** The dashboard-only value of `range`: each report keeps its own. */
export const OWN_RANGE = "own";
/** `filters=none`: no filters, although the dashboard saved some. */
export const NO_FILTERS = "none";

/** A site id only for reading a range or a filter through the report codec; never shown or sent. */
const CARRIER_SITE = "DASHBOARD";

export type DashboardUrlState = {
  scope: BoardScope;
  /** Why a parameter was ignored, one sentence each. */
  messages: string[];
};

function quote(value: string) {
  return `“${value.length > 40 ? `${value.slice(0, 40)}…` : value}”`;
}

function firstMessage(errors: Record<string, string[]>): string {
  return Object.values(errors).flat()[0] ?? "it could not be read";
}

function paramsOf(input: SearchInput): URLSearchParams {
  if (typeof input === "string") return new URLSearchParams(input.startsWith("?") ? input.slice(1) : input);
  if (input instanceof URLSearchParams) return input;
  const params = new URLSearchParams();
  for (const key of ["range", "filter", "filters"]) {
    const value = input[key];
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) if (typeof item === "string") params.append(key, item);
  }
  return params;
}

/** One parameter read as Explore reads it, through a query that has nothing else. */
function throughCodec(key: "range" | "filter", value: string) {
  return decodeReportQuery(new URLSearchParams([["site", CARRIER_SITE], [key, value]]));
}

/**
 * The scope the URL asks for, each parameter falling back to `saved` when absent or broken. Filters in the
 * URL replace the saved ones (deduplicated, at most MAX_FILTERS).
 */
export function decodeDashboardUrl(input: SearchInput, saved: BoardScope): DashboardUrlState {
  const params = paramsOf(input);
  const messages: string[] = [];
  let range: DateRange | null = saved.range;
  let filters: ReportFilter[] = [...saved.filters];

  const rangeText = params.get("range");
  if (rangeText === OWN_RANGE) range = null;
  else if (rangeText !== null) {
    const read = throughCodec("range", rangeText);
    if (read.ok) range = read.query.range;
    else messages.push(`The range ${quote(rangeText)} in the address was ignored: ${firstMessage(read.errors)}.`);
  }

  const filterTexts = params.getAll("filter");
  if (filterTexts.length > 0) {
    const read: ReportFilter[] = [];
    for (const text of filterTexts) {
      const one = throughCodec("filter", text);
      if (one.ok) read.push(one.query.filters[0]!);
      else messages.push(`The filter ${quote(text)} in the address was ignored: ${firstMessage(one.errors)}.`);
    }
    const unique = mergeFilters([], read);
    if (unique.length > MAX_FILTERS) messages.push(`Only the first ${MAX_FILTERS} filters in the address are used.`);
    // When every filter in the address was broken, the board keeps its saved ones rather than none.
    if (read.length > 0) filters = unique.slice(0, MAX_FILTERS);
  } else if (params.get("filters") === NO_FILTERS) {
    filters = [];
  } else if (params.has("filters")) {
    messages.push(`${quote(params.get("filters")!)} in the address was ignored: write filters=none for no filters.`);
  }

  return { scope: { range, filters }, messages };
}

/** Explore's parameter value encoding (url-codec.ts): `, / :` stay readable, everything else is escaped. */
function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(/%2C/g, ",").replace(/%2F/g, "/").replace(/%3A/g, ":");
}

/** Explore's range text: the preset, or `from..to`. */
export function rangeParam(range: DateRange): string {
  return range.preset === "custom" ? `${range.from}..${range.to}` : range.preset;
}

/** Explore's filter text: `property~operator~value`, spaces in the operator as `_`. */
export function filterParam(filter: ReportFilter): string {
  return `${filter.property}~${filter.operator.replace(/ /g, "_")}~${filter.value}`;
}

function sameRange(a: DateRange | null, b: DateRange | null): boolean {
  return (a === null ? OWN_RANGE : rangeParam(a)) === (b === null ? OWN_RANGE : rangeParam(b));
}

function sameFilters(a: readonly ReportFilter[], b: readonly ReportFilter[]): boolean {
  return a.length === b.length && a.every((filter, index) => sameFilter(filter, b[index]!));
}

/** Whether two scopes show the same board. */
export function sameScope(a: BoardScope, b: BoardScope): boolean {
  return sameRange(a.range, b.range) && sameFilters(a.filters, b.filters);
}

/**
 * The search string (without `?`) for `scope` on a dashboard that saved `saved`: only what differs from
 * the saved scope, so the dashboard's own address stays bare. Empty when they are the same.
 */
export function encodeDashboardUrl(scope: BoardScope, saved: BoardScope): string {
  const entries: Array<[string, string]> = [];
  if (!sameRange(scope.range, saved.range)) entries.push(["range", scope.range === null ? OWN_RANGE : rangeParam(scope.range)]);
  if (!sameFilters(scope.filters, saved.filters)) {
    if (scope.filters.length === 0) entries.push(["filters", NO_FILTERS]);
    for (const filter of scope.filters) entries.push(["filter", filterParam(filter)]);
  }
  return entries.map(([key, value]) => `${key}=${encodeValue(value)}`).join("&");
}

/** The dashboard's address showing `scope`: `/dashboards/4` or `/dashboards/4?range=last_7_days`. */
export function dashboardHref(id: number, scope: BoardScope, saved: BoardScope): string {
  const search = encodeDashboardUrl(scope, saved);
  return search ? `/dashboards/${id}?${search}` : `/dashboards/${id}`;
}

/** A filter as a query the report codec can check (for the bar's "Add filter" form). */
export function filterProblem(filter: ReportFilter): string | null {
  const read = decodeReportQuery(new URLSearchParams([["site", CARRIER_SITE], ["filter", filterParam(filter)]]));
  return read.ok ? null : firstMessage(read.errors);
}
