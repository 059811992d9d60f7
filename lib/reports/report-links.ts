/**
 * Links to a report: one builder for every page that reads a report from its search parameters
 * (`/explore`, a saved report `/reports/123`, a dashboard `/dashboards/4`), written with the report URL
 * codec so a link always decodes to the report it was made from. Pure and isomorphic.
 */
import { defaultReportQuery, withEntity, type ReportQuery } from "@/lib/query/report-query";
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

/** The event's conversions over the default range on /explore: `/explore?site=…&entity=event&event=<name>`. */
export function eventReportHref(siteId: string, eventName: string): string {
  return reportLink(withEntity(defaultReportQuery(siteId), "event", eventName));
}
