/**
 * The one mapping from a ReportQuery to Fathom's `GET /aggregations` parameters, and the plan of the
 * requests a report needs: the main query, the ungrouped totals (uniques and visits can never be summed
 * from buckets), and, when a comparison is asked for, the same two over the comparison period.
 * Isomorphic and pure ("now" is a parameter).
 */
import type { AggregationParams } from "./aggregation-params";
import type { DateGrouping } from "./fathom-fields";
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

export type ReportPlan = {
  range: ResolvedRange;
  /** The date grouping the report runs with ("auto" resolved); null for none. */
  grouping: DateGrouping | null;
  main: AggregationParams;
  /** Ungrouped totals; null when the main query is itself ungrouped (its one row is the total). */
  totals: AggregationParams | null;
  comparison: null | {
    range: ResolvedRange;
    /** The comparison period's time series (date grouping only); null when the report has no date grouping. */
    rows: AggregationParams | null;
    totals: AggregationParams;
  };
};

/** Everything the report route must ask Fathom for, resolved against `now` in the site's timezone. */
export function planReport(query: ReportQuery, options: ResolveOptions): ReportPlan {
  const range = resolveRange(query.range, options);
  const grouping = resolveGrouping(query.grouping, range.days);
  const grouped = grouping !== null || query.by.length > 0;
  const plan: ReportPlan = {
    range,
    grouping,
    main: toAggregationParams(query, range),
    totals: grouped ? toAggregationParams(query, range, { ungrouped: true }) : null,
    comparison: null,
  };
  if (query.compare !== "none") {
    const previous = comparisonRange(range, query.compare, { preset: query.range.preset, now: options.now });
    // The comparison keeps the main range's grouping, even when "auto" would pick another for its length.
    const fixed: ReportQuery = { ...query, grouping: grouping ?? "none" };
    plan.comparison = {
      range: previous,
      rows: grouping ? toAggregationParams(fixed, previous, { dateOnly: true }) : null,
      totals: toAggregationParams(query, previous, { ungrouped: true }),
    };
  }
  return plan;
}
