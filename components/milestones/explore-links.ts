/**
 * Links from the management pages to /explore, written with the report URL codec so they always decode
 * to a valid report. Pure.
 */
import { defaultReportQuery, withEntity } from "@/lib/query/report-query";
import { encodeReportQuery } from "@/lib/query/url-codec";

const DAY_MS = 86_400_000;
/** Days shown on each side of a milestone. */
const MARGIN_DAYS = 14;

function shiftDay(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A daily chart around a milestone (two weeks either side, never past `today`), where its marker shows;
 * null for a milestone after today, which no chart can show yet.
 */
export function milestoneChartHref(siteId: string, date: string, today: string): string | null {
  if (date > today) return null;
  const to = shiftDay(date, MARGIN_DAYS) < today ? shiftDay(date, MARGIN_DAYS) : today;
  const query = { ...defaultReportQuery(siteId), range: { preset: "custom" as const, from: shiftDay(date, -MARGIN_DAYS), to }, grouping: "day" as const };
  return `/explore?${encodeReportQuery(query)}`;
}

/** The event's conversions over the default range: `/explore?site=…&entity=event&event=<name>`. */
export function eventReportHref(siteId: string, eventName: string): string {
  return `/explore?${encodeReportQuery(withEntity(defaultReportQuery(siteId), "event", eventName))}`;
}
