"use client";
import { useState } from "react";
import { COMPARISON_LABELS } from "@/lib/format/labels";
import type { Aggregate, EventCurrency } from "@/lib/query/fathom-fields";
import type { ReportQuery } from "@/lib/query/report-query";
import type { ReportResult } from "@/lib/query/report-result";
import { encodeReportQuery } from "@/lib/query/url-codec";
import { MetricCards } from "./metric-cards";
import { ReportCharts } from "./report-charts";
import { EmptyReport, Freshness, ReportError, ReportSkeleton } from "./report-states";
import { ReportTable } from "./report-table";

export type ReportViewProps = {
  /** The report asked for (the result on screen may still be the previous one while it loads). */
  query: ReportQuery;
  /** The answer of GET /api/reports/run, parsed with reportResultSchema; undefined before the first one. */
  result: ReportResult | undefined;
  /** A request is under way (first load or refetch). */
  isFetching: boolean;
  /** The last request's error (an ApiClientError carries the API's message and `retryAfter`), or null. */
  error: unknown;
  onRetry: () => void;
  siteId: string;
  /** Editors and admins: "Add milestone here" on the time series. */
  canEdit: boolean;
  /** The event's currency, for `value` (Fathom's name: "dollar", "euro", …). */
  currency?: EventCurrency | null;
  /** The clock, for which buckets are still to come (tests pass a fixed one). */
  now?: Date;
};

/** Whether any figure in the answer is not zero. A series of zero-filled buckets is still "no data". */
export function hasData(result: ReportResult): boolean {
  const nonZero = (values: Record<string, number | undefined>) => Object.values(values).some((value) => value !== undefined && value !== 0);
  return nonZero(result.totals) || result.rows.some((row) => nonZero(row.values));
}

/**
 * The answer to a report: totals as cards (with the change against the comparison period), the chart
 * that fits its groupings, and every row in a sortable table with a CSV download; and the states in
 * between (loading, refreshing, empty, stale, error, rate-limited) each saying what to do next.
 */
/**
 * What the report on screen is doing, for tests and scripts that wait on it (`data-report-state`):
 * `ready` only once this component has drawn the answer to the report asked for.
 */
function reportState({ query, result, isFetching, error }: Pick<ReportViewProps, "query" | "result" | "isFetching" | "error">) {
  if (isFetching) return "loading";
  if (error) return "error";
  if (result && encodeReportQuery(result.query) === encodeReportQuery(query)) return "ready";
  return "idle";
}

export function ReportView(props: ReportViewProps) {
  return (
    <div data-report-key={encodeReportQuery(props.query)} data-report-state={reportState(props)}>
      <ReportBody {...props} />
    </div>
  );
}

function ReportBody({ query, result, isFetching, error, onRetry, siteId, canEdit, currency, now }: ReportViewProps) {
  const [chosen, setChosen] = useState<Aggregate | null>(null);
  const errorBlock = error ? <ReportError error={error} onRetry={onRetry} retrying={isFetching} /> : null;

  if (!result) {
    if (errorBlock) return errorBlock;
    if (isFetching) return <ReportSkeleton cards={query.metrics.length} />;
    return <p className="text-sm text-muted">Run the report to see its figures here.</p>;
  }

  const shown = result.query;
  const metric = chosen && shown.metrics.includes(chosen) ? chosen : shown.metrics[0]!;
  const comparison =
    result.comparison && shown.compare !== "none"
      ? { totals: result.comparison.totals, range: result.comparison.range, label: COMPARISON_LABELS[shown.compare] }
      : undefined;
  const refreshing = isFetching && !error;
  // The answer on screen is for an earlier report (the new one is loading, or failed).
  const outdated = encodeReportQuery(shown) !== encodeReportQuery(query);
  const dimmed = refreshing || outdated;

  return (
    <div className="flex flex-col gap-4">
      {errorBlock}
      {refreshing || outdated ? (
        <p role="status" className="text-xs text-muted">
          {refreshing ? "Updating the report…" : "Below is the previous report, until this one can run."}
        </p>
      ) : null}
      <div aria-busy={refreshing} className={`flex flex-col gap-4 transition-opacity ${dimmed ? "pointer-events-none opacity-50" : ""}`}>
        <Freshness meta={result.meta} timezone={result.range.timezone} onRefresh={onRetry} refreshing={isFetching} now={now} />
        {hasData(result) ? (
          <>
            <MetricCards
              metrics={shown.metrics}
              totals={result.totals}
              comparison={comparison}
              currency={currency}
              selected={metric}
              onSelect={shown.metrics.length > 1 ? setChosen : undefined}
            />
            <ReportCharts result={result} metric={metric} currency={currency} siteId={siteId} canEdit={canEdit} now={now ?? new Date()} />
            <ReportTable query={shown} range={result.range} rows={result.rows} totals={result.totals} currency={currency} />
          </>
        ) : (
          <EmptyReport filtered={shown.filters.length > 0} />
        )}
      </div>
    </div>
  );
}
