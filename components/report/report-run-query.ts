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

export const reportRunKeys = {
  all: ["report-run"] as const,
  run: (query: ReportQuery) => [...reportRunKeys.all, query] as const,
};

/** The request URL of a report run: the same search parameters as the page's own URL. */
export function reportRunUrl(query: ReportQuery): string {
  return `/api/reports/run?${encodeReportQuery(query)}`;
}

export function reportRunQueryOptions(query: ReportQuery, { timezone, now = new Date() }: { timezone: string; now?: Date }) {
  return queryOptions({
    queryKey: reportRunKeys.run(query),
    queryFn: async ({ queryKey: [, key], signal }) => reportResultSchema.parse(await apiFetch(reportRunUrl(key), { signal })),
    staleTime: isClosedRange(query.range, timezone, now) ? Number.POSITIVE_INFINITY : OPEN_PERIOD_STALE_MS,
    placeholderData: keepPreviousData,
  });
}
