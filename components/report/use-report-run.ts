"use client";
import { useQuery } from "@tanstack/react-query";
import type { ReportQuery } from "@/lib/query/report-query";
import type { ReportResult } from "@/lib/query/report-result";
import { reportTimezone } from "@/lib/query/resolve-range";
import { encodeReportQuery } from "@/lib/query/url-codec";
import { reportRunQueryOptions } from "./report-run-query";

/** A report being run: what was asked, the answer on screen (maybe an earlier report's) and what is happening. */
export type ReportRun = {
  /** The report asked for. */
  query: ReportQuery;
  /** The last answer, parsed with reportResultSchema: while a new report loads, the previous one's; undefined before any. */
  result: ReportResult | undefined;
  /** A request is under way (first load or refetch). */
  isFetching: boolean;
  /** The last request's error (an ApiClientError carries the API's message and `retryAfter`), or null. */
  error: unknown;
  /** Asks again (Retry, Refresh, Run on the same report). */
  retry: () => void;
};

export type ReportRunOptions = {
  /** The site's timezone, which decides whether the period is over (then never re-fetched); null for unknown. */
  timezone: string | null | undefined;
  /** False to hold the request back (e.g. until the site is known). */
  enabled?: boolean;
  /** The report is asked on its own, not as one of several tiles (see `reportRunKeys`). */
  solo?: boolean;
};

/**
 * Runs a report through GET /api/reports/run. Every caller with the same query shares one request and
 * one cached answer (the key holds the whole query), so a page may ask from several places.
 */
export function useReportRun(query: ReportQuery, { timezone, enabled = true, solo = false }: ReportRunOptions): ReportRun {
  const run = useQuery({ ...reportRunQueryOptions(query, { timezone: reportTimezone(timezone), solo }), enabled });
  const { refetch } = run;
  return { query, result: run.data, isFetching: run.isFetching, error: run.error, retry: () => void refetch() };
}

/** What a panel's report is doing, for tests and scripts that wait on it (`data-report-state`). */
export type ReportState = "idle" | "loading" | "error" | "ready";

/** `ready` only once the answer on screen is the one to the report asked for (not the previous one kept while loading). */
export function reportState({ query, result, isFetching, error }: Pick<ReportRun, "query" | "result" | "isFetching" | "error">): ReportState {
  if (isFetching) return "loading";
  if (error) return "error";
  if (result && encodeReportQuery(result.query) === encodeReportQuery(query)) return "ready";
  return "idle";
}
