/**
 * Shapes a governed current-visitors answer for the browser: Fathom's field names become the panel's,
 * rows come most visitors first, and a simple answer carries no rows.
 */
import type { CurrentVisitors } from "@/lib/fathom/current-visitors";
import type { CurrentVisitorsAnswer, CurrentVisitorsRow, LiveMeta } from "./answer";

const byTotal = (a: CurrentVisitorsRow, b: CurrentVisitorsRow) => b.total - a.total;

export function toCurrentVisitorsAnswer(
  siteId: string,
  detailed: boolean,
  { data, meta }: { data: CurrentVisitors; meta: LiveMeta },
): CurrentVisitorsAnswer {
  return {
    siteId,
    detailed,
    total: data.total,
    pages: detailed ? (data.content ?? []).map((row) => ({ hostname: row.hostname, pathname: row.pathname, total: row.total })).sort(byTotal) : null,
    referrers: detailed
      ? (data.referrers ?? [])
          .map((row) => ({ hostname: row.referrer_hostname, pathname: row.referrer_pathname, total: row.total }))
          .sort(byTotal)
      : null,
    meta,
  };
}
