/**
 * A report query as it is kept (saved reports, dashboard tiles, shares) and as it is read back.
 *
 * Stored, a query is its canonical JSON: every field present in a fixed order, every default written out
 * (`sort` as the order the rows really come in, `limit` and `event` as null when there are none), and the
 * version of the report format it was written in. So a saved report never changes meaning when a default
 * changes: only an upgrade step can change what an old query means, and each is written and tested here.
 *
 * Everything that reads a query from outside, a URL of any age or a stored row, passes through
 * `upgradeReportQuery` (query-upgrade.ts): the one function that takes a query of any known version to
 * the current one. Isomorphic and pure.
 */
import { z } from "zod";
import { upgradeReportQuery, type DecodeResult } from "./query-upgrade";
import { effectiveSort, type ReportQuery } from "./report-query";

/**
 * The canonical stored form. Its type comes from the query's own schema: the same fields, with the
 * optional ones written as explicit nulls.
 */
export type StoredReportQuery = Omit<ReportQuery, "event" | "sort" | "limit"> & {
  event: string | null;
  sort: NonNullable<ReportQuery["sort"]> | null;
  limit: number | null;
};

/**
 * The canonical form of a query: what is stored, and what two queries are compared by ("has this saved
 * report unsaved changes?"). An event name on a pageview report means nothing and is dropped.
 */
export function canonicalReportQuery(query: ReportQuery): StoredReportQuery {
  return {
    version: query.version,
    site: query.site,
    entity: query.entity,
    event: query.entity === "event" ? (query.event ?? null) : null,
    metrics: [...query.metrics],
    range: query.range.preset === "custom" ? { preset: "custom", from: query.range.from, to: query.range.to } : { preset: query.range.preset },
    grouping: query.grouping,
    by: [...query.by],
    filters: query.filters.map(({ property, operator, value }) => ({ property, operator, value })),
    sort: effectiveSort(query) ?? null,
    limit: query.limit ?? null,
    compare: query.compare,
    chart: query.chart,
  };
}

/** The canonical JSON text of a query, for a database column. */
export function storeReportQuery(query: ReportQuery): string {
  return JSON.stringify(canonicalReportQuery(query));
}

/** Reads a stored query (JSON text from a database column) of any known version. */
export function readStoredReportQuery(json: string): DecodeResult {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, errors: { _: ["This report could not be read: its stored query is not JSON"] } };
  }
  return upgradeReportQuery(value);
}

/** Whether two queries mean the same report (the same canonical form). */
export function sameReportQuery(a: ReportQuery, b: ReportQuery): boolean {
  return storeReportQuery(a) === storeReportQuery(b);
}

/** The stored form's schema, for a route that receives one: a query object of any known version. */
export const storedReportQuerySchema = z.unknown().transform((value, ctx) => {
  const result = upgradeReportQuery(value);
  if (result.ok) return result.query;
  for (const [path, messages] of Object.entries(result.errors)) {
    for (const message of messages) ctx.addIssue({ code: "custom", message, path: path === "_" ? [] : path.split(".") });
  }
  return z.NEVER;
});
