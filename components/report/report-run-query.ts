/**
 * Running a report from the browser: one react-query options factory whose key holds the whole
 * ReportQuery, so the key and the request cannot drift apart (the query function reads its input from
 * the key). A closed period (it ended before today in the site's timezone) never changes, so it is never
 * re-fetched; one touching today is fresh for a minute. While a new report loads, the previous answer
 * stays on screen (`keepPreviousData`).
 */
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/client";
import type { ReportQuery } from "@/lib/query/report-query";
import { reportResultSchema } from "@/lib/query/report-result";
import { isClosedRange } from "@/lib/query/resolve-range";
import { encodeReportQuery } from "@/lib/query/url-codec";

/** How long a report touching today stays fresh in the browser (the server caches it briefly too). */
export const OPEN_PERIOD_STALE_MS = 60_000;

/**
 * `solo`: the report is asked on its own (Explore, a report's page), so the server sends it at once instead
 * of waiting a few milliseconds for a dashboard's other tiles to fold it with. Part of the key, since the
 * request differs; the answer is the same.
 */
export const reportRunKeys = {
  all: ["report-run"] as const,
  run: (query: ReportQuery, solo = false) => [...reportRunKeys.all, query, { solo }] as const,
};

/** The request URL of a report run: the same search parameters as the page's own URL (and `solo=1`). */
export function reportRunUrl(query: ReportQuery, { solo = false }: { solo?: boolean } = {}): string {
  return `/api/reports/run?${encodeReportQuery(query)}${solo ? "&solo=1" : ""}`;
}

export function reportRunQueryOptions(query: ReportQuery, { timezone, now = new Date(), solo = false }: { timezone: string; now?: Date; solo?: boolean }) {
  return queryOptions({
    queryKey: reportRunKeys.run(query, solo),
    queryFn: async ({ queryKey: [, key, how], signal }) => reportResultSchema.parse(await apiFetch(reportRunUrl(key, how), { signal })),
    staleTime: isClosedRange(query.range, timezone, now) ? Number.POSITIVE_INFINITY : OPEN_PERIOD_STALE_MS,
    placeholderData: keepPreviousData,
  });
}
