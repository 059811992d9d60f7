/**
 * Links to a report: one builder for every page that reads a report from its search parameters
 * (`/explore`, a saved report `/reports/123`, a dashboard `/dashboards/4`), written with the report URL
 * codec so a link always decodes to the report it was made from. Pure and isomorphic.
 */
import { defaultReportQuery, effectiveSort, withEntity, type ReportQuery } from "@/lib/query/report-query";
import { encodeReportQuery } from "@/lib/query/url-codec";

export type ReportLinkOptions = {
  /** The page, an absolute path on this site: `/explore` (the default), `/reports/123`, `/dashboards/4`. */
  page?: string;
  /** `https://sounding.example.com` for a link that leaves the page (an e-mail, the clipboard); none for a relative one. */
  origin?: string;
};

/**
 * One slash, then a path without a query or fragment (the report is the query). `//host` and `/\host`
 * are refused: browsers read both as another site.
 */
const SAME_ORIGIN_PATH = /^\/(?![/\\])[^?#\\\s]*$/;

function checkedOrigin(origin: string): string {
  const trimmed = origin.replace(/\/+$/, "");
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    throw new RangeError(`A report link's origin must be a URL like https://example.com, not "${origin}"`);
  }
  if (!/^https?:$/.test(parsed.protocol) || parsed.origin !== trimmed) {
    throw new RangeError(`A report link's origin must be scheme and host only (https://example.com), not "${origin}"`);
  }
  return trimmed;
}

/** The address of `query` on `page`: `/explore?site=CDBUGS&range=last_7_days`. Throws on a page that is not a same-origin path. */
export function reportLink(query: ReportQuery, { page = "/explore", origin }: ReportLinkOptions = {}): string {
  if (!SAME_ORIGIN_PATH.test(page)) throw new RangeError(`A report link's page must be a path on this site like /explore, not "${page}"`);
  return `${origin === undefined ? "" : checkedOrigin(origin)}${page}?${encodeReportQuery(query)}`;
}

const DAY_MS = 86_400_000;
/** Days shown on each side of a milestone. */
const MARGIN_DAYS = 14;

function shiftDay(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A daily chart around a milestone on /explore (two weeks either side, never past `today`), where its
 * marker shows; null for a milestone after today, which no chart can show yet.
 */
export function milestoneChartHref(siteId: string, date: string, today: string): string | null {
  if (date > today) return null;
  const to = shiftDay(date, MARGIN_DAYS) < today ? shiftDay(date, MARGIN_DAYS) : today;
  return reportLink({ ...defaultReportQuery(siteId), range: { preset: "custom", from: shiftDay(date, -MARGIN_DAYS), to }, grouping: "day" });
}

/**
 * A saved report opened in Explore for editing: `/explore?report=<id>&<the report>`. The `report`
 * parameter tells Explore which saved report "Save" updates; the rest is the query, so the builder opens
 * on it even before the saved report is read back. `reportId` is a saved report's id (a positive integer).
 */
export function savedReportExploreHref(reportId: number, query: ReportQuery): string {
  if (!Number.isSafeInteger(reportId) || reportId < 1) throw new RangeError(`A saved report's id is a positive integer, not ${reportId}`);
  return `/explore?report=${reportId}&${encodeReportQuery(withoutDefaultSort(query))}`;
}

/**
 * A stored query writes out the order its rows come in even when nobody chose one (stored-query.ts); in
 * a link that order is left out when it is the default anyway, so the link reads as the report was built.
 */
function withoutDefaultSort(query: ReportQuery): ReportQuery {
  if (!query.sort) return query;
  const fallback = effectiveSort({ ...query, sort: undefined });
  return fallback && fallback.field === query.sort.field && fallback.direction === query.sort.direction ? { ...query, sort: undefined } : query;
}

/** The event's conversions over the default range on /explore: `/explore?site=…&entity=event&event=<name>`. */
export function eventReportHref(siteId: string, eventName: string): string {
  return reportLink(withEntity(defaultReportQuery(siteId), "event", eventName));
}
