/**
 * The builder's edits as pure functions: each takes the current query and returns the next one, keeping
 * the parts that still make sense (an operator the new property allows, a sort on a field still chosen,
 * an event the new site has). The builder's controls call these; the rules themselves are the vocabulary's.
 * Pure and isomorphic: a page without the builder (a dashboard's filters, a share's window) edits with them too.
 */
import { resolveRange } from "./resolve-range";

/** What an edit needs to know of a site: its id and the names of its events. */
export type EditSite = { id: string; events: ReadonlyArray<{ name: string }> };
import {
  GROUPABLE_FIELDS,
  operatorsFor,
  sortableFields,
  type SortField,
  type Aggregate,
  type FilterOperator,
  type FilterProperty,
  type GroupableField,
} from "./fathom-fields";
import { keepSortValid, withEntity, type ReportFilter, type ReportQuery } from "./report-query";
import type { DateRange } from "./date-presets";

/** Another site: an event report keeps its event when the new site has one of that name, else takes its first. */
export function changeSite(query: ReportQuery, site: EditSite): ReportQuery {
  if (query.entity !== "event") return { ...query, site: site.id };
  const names = site.events.map((event) => event.name);
  const event = query.event !== undefined && names.includes(query.event) ? query.event : names[0];
  return { ...query, site: site.id, event };
}

/** Pageviews or an event; switching to events picks the site's first event unless one is chosen. */
export function changeEntity(query: ReportQuery, entity: ReportQuery["entity"], site: EditSite | undefined): ReportQuery {
  if (entity === "pageview") return { ...withEntity(query, "pageview"), event: undefined };
  const names = site?.events.map((event) => event.name) ?? [];
  const event = query.event !== undefined && names.includes(query.event) ? query.event : names[0];
  return withEntity(query, "event", event);
}

/** Ticks or unticks a metric; a newly ticked one goes last, so the cards keep the order they were picked in. */
export function toggleMetric(query: ReportQuery, metric: Aggregate, on: boolean): ReportQuery {
  const metrics = on
    ? query.metrics.includes(metric)
      ? query.metrics
      : [...query.metrics, metric]
    : query.metrics.filter((item) => item !== metric);
  return keepSortValid({ ...query, metrics });
}

/**
 * A preset, or custom dates. Switching from a preset to custom starts from the dates the preset covers
 * today in the site's timezone, so the calendar opens on something sensible.
 */
export function changeRangePreset(
  query: ReportQuery,
  preset: DateRange["preset"],
  context: { timezone: string; now: Date },
): ReportQuery {
  if (preset !== "custom") return { ...query, range: { preset } };
  if (query.range.preset === "custom") return query;
  const resolved = resolveRange(query.range, context);
  return { ...query, range: { preset: "custom", from: resolved.startDate, to: resolved.endDate } };
}

export function changeCustomDates(query: ReportQuery, from: string, to: string): ReportQuery {
  return { ...query, range: { preset: "custom", from, to } };
}

/** Fields not yet grouped by, in Fathom's order: what the "add a grouping" list offers. */
export function groupableFieldsLeft(query: ReportQuery): GroupableField[] {
  return GROUPABLE_FIELDS.filter((field) => !query.by.includes(field));
}

export function addGroupBy(query: ReportQuery, field: GroupableField): ReportQuery {
  return query.by.includes(field) ? query : { ...query, by: [...query.by, field] };
}

export function removeGroupBy(query: ReportQuery, field: GroupableField): ReportQuery {
  return keepSortValid({ ...query, by: query.by.filter((item) => item !== field) });
}

/** A new filter row: the page path, "is", and an empty value for the user to type. */
export function addFilter(query: ReportQuery): ReportQuery {
  const filter: ReportFilter = { property: "pathname", operator: "is", value: "" };
  return { ...query, filters: [...query.filters, filter] };
}

/**
 * Adds a filter as a click on a value does ("Page is /pricing"), unless the query has that very filter
 * already: the report it returns is a new address, so Back takes the reader to the one before.
 */
export function withFilter(query: ReportQuery, filter: ReportFilter): ReportQuery {
  const same = query.filters.some((item) => item.property === filter.property && item.operator === filter.operator && item.value === filter.value);
  return same ? query : { ...query, filters: [...query.filters, filter] };
}

export function removeFilter(query: ReportQuery, index: number): ReportQuery {
  return { ...query, filters: query.filters.filter((_, at) => at !== index) };
}

/**
 * Changes one part of a filter row. `operator`, with or without a new property, is the operator wanted:
 * kept when the property allows it, so the row never holds a combination Fathom refuses. When it doesn't
 * ("contains" on Device), the row falls back to the plain test of the same sense: "is not" for a negative
 * one (so "does not contain" never turns into its opposite), "is" otherwise. The builder remembers the
 * user's own choice and asks for it again on the next property (components/query-builder/filter-rows.tsx).
 */
export function changeFilter(
  query: ReportQuery,
  index: number,
  change: { property?: FilterProperty; operator?: FilterOperator; value?: string },
): ReportQuery {
  const filters = query.filters.map((filter, at) => {
    if (at !== index) return filter;
    const property = change.property ?? filter.property;
    const operator = change.operator ?? filter.operator;
    const allowed = operatorsFor(property);
    return {
      property,
      operator: allowed.includes(operator) ? operator : fallbackOperator(operator, allowed),
      value: change.value ?? filter.value,
    };
  });
  return { ...query, filters };
}

const NEGATIVE_OPERATORS: readonly FilterOperator[] = ["is not", "is not like", "not matching"];

/** The plain test of the same sense as `operator`, when the property allows it ("is" always is). */
function fallbackOperator(operator: FilterOperator, allowed: readonly FilterOperator[]): FilterOperator {
  return NEGATIVE_OPERATORS.includes(operator) && allowed.includes("is not") ? "is not" : "is";
}

/** What the sort list offers: the vocabulary's sortable fields for the chosen metrics and groupings. */
export function sortFieldsFor(query: ReportQuery): SortField[] {
  return sortableFields({ metrics: query.metrics, by: query.by, dateGrouped: query.grouping !== "none" });
}

/** Picks the site by id, or undefined when the list does not have it. */
export function findSite<S extends EditSite>(sites: readonly S[], id: string): S | undefined {
  return sites.find((site) => site.id === id);
}
