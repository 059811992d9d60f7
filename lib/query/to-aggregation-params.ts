/**
 * The one mapping from a ReportQuery to Fathom's `GET /aggregations` parameters, and the plan of the
 * requests a report needs: the main query, the ungrouped totals, and, when a comparison is asked for, the
 * same two over the comparison period. Totals of additive metrics are summed from the date buckets instead
 * of asked for (one request fewer); uniques, unique conversions, bounce rate and average duration cannot be
 * summed, so a report with any of them asks. Isomorphic and pure ("now" is a parameter).
 */
import type { AggregationParams } from "./aggregation-params";
import type { Aggregate, DateGrouping } from "./fathom-fields";
import { effectiveSort, type ReportQuery } from "./report-query";
import { comparisonRange } from "./comparison-range";
import { resolveGrouping, resolveRange, type ResolveOptions, type ResolvedRange } from "./resolve-range";

export type MappingOptions = {
  /** Totals: no date or field grouping, no sort, no limit (one row over the whole range). */
  ungrouped?: boolean;
  /** Keep the date grouping but drop field groupings, sort and limit (the comparison's time series). */
  dateOnly?: boolean;
};

/**
 * Fathom parameters for `query` over `range`, sorted as `effectiveSort` says when the query names no sort.
 */
export function toAggregationParams(query: ReportQuery, range: ResolvedRange, options: MappingOptions = {}): AggregationParams {
  const params: AggregationParams = {
    entity: query.entity,
    ...(query.entity === "pageview" ? { entity_id: query.site } : { site_id: query.site, entity_name: query.event }),
    aggregates: [...query.metrics],
    date_from: range.from,
    date_to: range.to,
  };
  if (query.filters.length > 0) {
    params.filters = query.filters.map(({ property, operator, value }) => ({ property, operator, value }));
  }
  if (options.ungrouped) return params;

  const grouping = resolveGrouping(query.grouping, range.days);
  if (grouping) params.date_grouping = grouping;
  if (options.dateOnly) {
    if (grouping) params.sort_by = "timestamp:asc";
    return params;
  }
  if (query.by.length > 0) params.field_grouping = [...query.by];
  const sort = effectiveSort({ ...query, grouping: grouping ?? "none" });
  if (sort) params.sort_by = `${sort.field}:${sort.direction}`;
  if (query.limit !== undefined) params.limit = query.limit;
  return params;
}

/**
 * Metrics whose total over a range is the sum of their date buckets': Fathom counts each pageview, visit
 * (by its first pageview), completion and cent of value once, in the bucket it happened in. Uniques and
 * unique conversions count a person once per range, and rates and averages are not sums.
 */
export const ADDITIVE_METRICS: ReadonlySet<Aggregate> = new Set<Aggregate>(["pageviews", "visits", "conversions", "value"]);

/** True when every metric of the query can be totalled by summing date buckets. */
export function additiveMetrics(metrics: readonly Aggregate[]): boolean {
  return metrics.every((metric) => ADDITIVE_METRICS.has(metric));
}

/**
 * An event report with unique completions or value gets the site's visits over the same dates and filters,
 * so conversion rate and revenue per visitor can be computed (Fathom has no such aggregate).
 */
export function needsSiteVisits(query: Pick<ReportQuery, "entity" | "metrics">): boolean {
  return query.entity === "event" && (query.metrics.includes("unique_conversions") || query.metrics.includes("value"));
}

/** The site's visits over `range` with the report's filters: one ungrouped pageview question. */
function siteVisitsParams(query: ReportQuery, range: ResolvedRange): AggregationParams {
  const visits: ReportQuery = { ...query, entity: "pageview", event: undefined, metrics: ["visits"], by: [], grouping: "none", sort: undefined, limit: undefined };
  return toAggregationParams(visits, range, { ungrouped: true });
}

export type ReportPlan = {
  range: ResolvedRange;
  /** The date grouping the report runs with ("auto" resolved); null for none. */
  grouping: DateGrouping | null;
  main: AggregationParams;
  /**
   * Ungrouped totals; null when the main query is itself ungrouped (its one row is the total) or when
   * `sumTotals` says they are the sum of its buckets.
   */
  totals: AggregationParams | null;
  /** The main query is every date bucket of the range (no field grouping, no limit) of additive metrics: total = sum. */
  sumTotals: boolean;
  /** The site's visits over the range, for an event report's computed rates (`needsSiteVisits`); else null. */
  siteVisits: AggregationParams | null;
  comparison: null | {
    range: ResolvedRange;
    /**
     * The comparison period's time series (date grouping only), or its rows by the same fields (same sort and
     * limit) for a breakdown by fields only; null for an ungrouped report.
     */
    rows: AggregationParams | null;
    /** Its ungrouped totals; null when they are the sum of its series (additive metrics). */
    totals: AggregationParams | null;
    siteVisits: AggregationParams | null;
  };
};

/** Everything the report route must ask Fathom for, resolved against `now` in the site's timezone. */
export function planReport(query: ReportQuery, options: ResolveOptions): ReportPlan {
  const range = resolveRange(query.range, options);
  const grouping = resolveGrouping(query.grouping, range.days);
  const grouped = grouping !== null || query.by.length > 0;
  const additive = grouping !== null && additiveMetrics(query.metrics);
  const sumTotals = additive && query.by.length === 0 && query.limit === undefined;
  const plan: ReportPlan = {
    range,
    grouping,
    main: toAggregationParams(query, range),
    totals: grouped && !sumTotals ? toAggregationParams(query, range, { ungrouped: true }) : null,
    sumTotals,
    siteVisits: needsSiteVisits(query) ? siteVisitsParams(query, range) : null,
    comparison: null,
  };
  if (query.compare !== "none") {
    const previous = comparisonRange(range, query.compare, { preset: query.range.preset, now: options.now });
    // The comparison keeps the main range's grouping, even when "auto" would pick another for its length.
    const fixed: ReportQuery = { ...query, grouping: grouping ?? "none" };
    plan.comparison = {
      range: previous,
      // A series by date when the report has a date grouping; a breakdown by fields only compares row by
      // row, so its rows by the same fields, sort and limit (each page's visits and their change).
      rows: grouping ? toAggregationParams(fixed, previous, { dateOnly: true }) : query.by.length > 0 ? toAggregationParams(fixed, previous) : null,
      // Its series is every bucket (date only, no limit), so additive totals are its sum.
      totals: additive ? null : toAggregationParams(query, previous, { ungrouped: true }),
      siteVisits: needsSiteVisits(query) ? siteVisitsParams(query, previous) : null,
    };
  }
  return plan;
}
