/**
 * What can be kept of a stored query that no longer validates (a metric that is gone, a rule that got
 * stricter, a field someone wrote by hand), so its page can offer "Edit in Explore with what can be kept"
 * instead of a dead end. Starts from the default report on the query's site and takes each of its fields
 * in turn, keeping one only when the report still passes every rule; says what was left out, in words.
 * A query of a newer report format is never guessed at (its fields may mean something else). Pure.
 */
import { AGGREGATES_BY_ENTITY, aggregateSchema, fieldLabel, groupableFieldSchema, metricLabel, type Aggregate } from "@/lib/query/fathom-fields";
import { upgradeRaw } from "@/lib/query/query-upgrade";
import { defaultReportQuery, reportFilterSchema, reportQuerySchema, siteIdSchema, withEntity, type ReportQuery } from "@/lib/query/report-query";

export type Salvage = {
  query: ReportQuery;
  /** What could not be kept, each as a phrase ("the metric “time_on_page”", "the date grouping"). */
  dropped: string[];
};

const valid = (query: ReportQuery) => reportQuerySchema.safeParse(query).success;

/** A scalar field, as read from the stored query, with how it is named when it has to go. */
const SCALARS: ReadonlyArray<[keyof ReportQuery, string]> = [
  ["range", "the date range"],
  ["grouping", "the date grouping"],
  ["compare", "the comparison"],
  ["chart", "the chart"],
  ["limit", "the row limit"],
];

/**
 * The stored query made valid by leaving out what breaks it, or null when nothing can be read: not a
 * query object, a newer format, or no site to put it on (`fallbackSite` is used when its own is unreadable).
 */
export function salvageReportQuery(stored: unknown, fallbackSite?: string): Salvage | null {
  const upgraded = upgradeRaw(stored);
  if (!upgraded.ok) return null;
  // Stored rows write "none" as null.
  const raw = Object.fromEntries(Object.entries(upgraded.raw).filter(([, value]) => value !== null));
  const dropped: string[] = [];
  const ownSite = siteIdSchema.safeParse(raw.site);
  const site = ownSite.success ? ownSite.data : fallbackSite;
  if (site === undefined) return null;
  if (!ownSite.success) dropped.push("the site");
  let query = defaultReportQuery(site);

  const keep = (next: ReportQuery, what: string | null) => {
    if (valid(next)) query = next;
    else if (what) dropped.push(what);
  };

  if (raw.entity === "event") keep(withEntity(query, "event", typeof raw.event === "string" ? raw.event : undefined), "the event");

  if (Array.isArray(raw.metrics)) {
    const allowed = AGGREGATES_BY_ENTITY[query.entity];
    const metrics: Aggregate[] = [];
    for (const item of raw.metrics) {
      const metric = aggregateSchema.safeParse(item);
      if (metric.success && allowed.includes(metric.data) && !metrics.includes(metric.data)) metrics.push(metric.data);
      else if (!metric.success || !allowed.includes(metric.data)) dropped.push(`the metric “${metric.success ? metricLabel(metric.data) : String(item)}”`);
    }
    if (metrics.length > 0) keep({ ...query, metrics }, null);
  }

  for (const [field, what] of SCALARS) {
    if (raw[field] !== undefined) keep({ ...query, [field]: raw[field] } as ReportQuery, what);
  }

  if (Array.isArray(raw.by)) {
    for (const item of raw.by) {
      const field = groupableFieldSchema.safeParse(item);
      if (field.success) keep({ ...query, by: [...query.by, field.data] }, `grouping by ${fieldLabel(field.data)}`);
      else dropped.push(`grouping by “${String(item)}”`);
    }
  }

  if (Array.isArray(raw.filters)) {
    for (const item of raw.filters) {
      const filter = reportFilterSchema.safeParse(item);
      if (filter.success) keep({ ...query, filters: [...query.filters, filter.data] }, `the filter on ${fieldLabel(filter.data.property)}`);
      else dropped.push("a filter that could not be read");
    }
  }

  if (raw.sort !== undefined) keep({ ...query, sort: raw.sort } as ReportQuery, "the sort");
  return { query, dropped };
}
