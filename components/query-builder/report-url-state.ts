/**
 * The URL is the report: which report a search string describes. Isomorphic: the page's server component
 * decodes the first load with it, the browser every later URL (Run, back, forward).
 */
import type { DecodeResult } from "@/lib/query/query-upgrade";
import { decodeReportQuery, encodeReportQuery, type SearchInput } from "@/lib/query/url-codec";
import type { ReportQuery } from "@/lib/query/report-query";

function toParams(input: SearchInput): URLSearchParams {
  if (typeof input === "string") return new URLSearchParams(input.startsWith("?") ? input.slice(1) : input);
  if (input instanceof URLSearchParams) return new URLSearchParams(input);
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(input)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, item);
  }
  return params;
}

/**
 * Decodes a report URL. Without a `site` parameter the report is on `defaultSite` (the first site), so a
 * bare `/explore` is the default report and `/explore?range=last_7_days` is that range on the first site.
 */
export function reportUrlState(input: SearchInput, defaultSite: string | undefined): DecodeResult {
  const params = toParams(input);
  if (!params.has("site") && defaultSite !== undefined) params.set("site", defaultSite);
  return decodeReportQuery(params);
}

/** True when two queries are the same report (they write the same URL). */
export function sameReport(a: ReportQuery, b: ReportQuery): boolean {
  return encodeReportQuery(a) === encodeReportQuery(b);
}
