"use client";
import { useId, useState, type ReactNode } from "react";
import { COMPARISON_LABELS } from "@/lib/format/labels";
import type { Aggregate } from "@/lib/query/fathom-fields";
import type { ReportQuery } from "@/lib/query/report-query";
import type { ReportResult } from "@/lib/query/report-result";
import { todayIn } from "@/lib/query/resolve-range";
import { encodeReportQuery } from "@/lib/query/url-codec";
import type { ChartAction } from "./chart-action";
import type { OnFilter } from "./filter-target";
import { computedRates } from "@/lib/reports/computed-rates";
import { ComputedCards } from "./computed-cards";
import { MetricCards } from "./metric-cards";
import { ReportCharts } from "./report-charts";
import { ReportSkeleton } from "./report-skeleton";
import { EmptyReport, Freshness, ReportError, WaitingNote } from "./report-states";
import { ReportTable } from "./report-table";
import { reportState, useReportRun, type ReportRun } from "./use-report-run";

/** The parts of an answer a panel can show; a dashboard tile may show only some. */
export const REPORT_PARTS = ["cards", "chart", "table"] as const;
export type ReportPart = (typeof REPORT_PARTS)[number];

export type ReportPanelViewProps = {
  /** Names this panel on its page (`data-report-panel`): "explore", a dashboard tile's id. */
  panelId: string;
  /**
   * Shown above the answer (a saved report's or a tile's name, or a link to it); inner headings then step
   * down a level.
   */
  heading?: ReactNode;
  /** Which parts to show, in their usual order; all by default. */
  parts?: readonly ReportPart[];
  /** A page's action on a day of the time series (Explore: "Add milestone here"); the panel itself only reads. */
  chartAction?: ChartAction;
  /**
   * A page's action on a grouped value clicked in the table, on a bar or a legend entry (Explore: add it as
   * a filter, as a new address); without it (dashboards, shares, saved reports) values only read.
   */
  onFilter?: OnFilter;
  /** The clock, for which buckets are still to come (tests pass a fixed one). */
  now?: Date;
};

export type ReportPanelProps = ReportPanelViewProps & {
  query: ReportQuery;
  /** The site's timezone (whether the period is over, so never re-fetched); null when unknown. */
  timezone: string | null | undefined;
  /** The only report on its page (a saved report's own page): sent at once, not folded with others. */
  solo?: boolean;
};

/**
 * One report, read-only: it runs `query` itself and shows the answer. Several can share a page, each
 * with its own state; the same query asked twice is one request.
 */
export function ReportPanel({ query, timezone, solo, ...view }: ReportPanelProps) {
  const run = useReportRun(query, { timezone, solo });
  return <ReportPanelView run={run} {...view} />;
}

/**
 * A run's answer: totals as cards (with the change against the comparison period), the chart that fits
 * its groupings, and every row in a sortable table with a CSV download; and the states in between
 * (loading, refreshing, empty, stale, error, rate-limited), each saying what to do next. Its root says
 * which report it shows and whether that report is drawn (`data-report-key`, `data-report-state`), so
 * tests and scripts wait on this panel, not on the page.
 */
export function ReportPanelView({ run, panelId, heading, parts = REPORT_PARTS, chartAction, onFilter, now }: ReportPanelViewProps & { run: ReportRun }) {
  const headingId = useId();
  return (
    <section
      aria-labelledby={heading ? headingId : undefined}
      data-report-panel={panelId}
      data-report-key={encodeReportQuery(run.query)}
      data-report-state={reportState(run)}
      className="flex min-w-0 flex-col gap-3"
    >
      {heading ? (
        <h2 id={headingId} className="text-lg font-semibold">
          {heading}
        </h2>
      ) : null}
      <ReportBody run={run} parts={parts} chartAction={chartAction} onFilter={onFilter} titleLevel={heading ? 3 : 2} now={now} />
    </section>
  );
}

/** Whether any figure in the answer is not zero. A series of zero-filled buckets is still "no data". */
export function hasData(result: ReportResult): boolean {
  const nonZero = (values: Record<string, number | undefined>) => Object.values(values).some((value) => value !== undefined && value !== 0);
  return nonZero(result.totals) || result.rows.some((row) => nonZero(row.values));
}

type BodyProps = Required<Pick<ReportPanelViewProps, "parts">> & Pick<ReportPanelViewProps, "chartAction" | "onFilter" | "now"> & { run: ReportRun; titleLevel: 2 | 3 };

function ReportBody({ run, parts, chartAction, onFilter, titleLevel, now }: BodyProps) {
  const { query, result, isFetching, error, retry } = run;
  const [chosen, setChosen] = useState<Aggregate | null>(null);
  const errorBlock = error ? <ReportError error={error} onRetry={retry} retrying={isFetching} /> : null;

  if (!result) {
    if (errorBlock) return errorBlock;
    if (isFetching) {
      return (
        <>
          <WaitingNote query={query} />
          <ReportSkeleton cards={parts.includes("cards") ? query.metrics.length : 0} chart={parts.includes("chart")} table={parts.includes("table")} />
        </>
      );
    }
    return <p className="text-sm text-muted">Run the report to see its figures here.</p>;
  }

  const shown = result.query;
  // Until a card is picked, a field breakdown's chart (and the highlighted card) follow the sort's metric.
  const sortMetric = result.range.grouping === null && shown.by.length > 0 && shown.sort && shown.metrics.includes(shown.sort.field as Aggregate) ? (shown.sort.field as Aggregate) : undefined;
  const picked = chosen !== null && shown.metrics.includes(chosen);
  const metric = picked ? chosen : (sortMetric ?? shown.metrics[0]!);
  const comparison =
    result.comparison && shown.compare !== "none"
      ? { totals: result.comparison.totals, range: result.comparison.range, label: COMPARISON_LABELS[shown.compare] }
      : undefined;
  const refreshing = isFetching && !error;
  // The answer on screen is for an earlier report (the new one is loading, or failed).
  const outdated = encodeReportQuery(shown) !== encodeReportQuery(query);
  const dimmed = refreshing || outdated;
  const currency = result.currency;

  return (
    <div className="flex flex-col gap-4">
      {errorBlock}
      {dimmed ? (
        <p role="status" className="text-xs text-muted">
          {refreshing ? "Updating the report…" : "Below is the previous report, until this one can run."}
        </p>
      ) : null}
      {refreshing ? (
        <WaitingNote query={query} />
      ) : null}
      <div aria-busy={refreshing} className={`flex flex-col gap-4 transition-opacity ${dimmed ? "pointer-events-none opacity-50" : ""}`}>
        <Freshness meta={result.meta} timezone={result.range.timezone} onRefresh={retry} refreshing={isFetching} now={now} />
        {hasData(result) ? (
          <>
            {parts.includes("cards") ? (
              <MetricCards
                metrics={shown.metrics}
                totals={result.totals}
                comparison={comparison}
                currency={currency}
                selected={metric}
                // Picking a card only means something when it changes the chart beside it.
                onSelect={shown.metrics.length > 1 && parts.includes("chart") ? setChosen : undefined}
              />
            ) : null}
            {parts.includes("cards") ? <ComputedCards rates={computedRates(result)} currency={currency} comparisonRange={comparison?.range} /> : null}
            {parts.includes("chart") ? <ReportCharts result={result} metric={metric} metricPicked={picked} chartAction={chartAction} onFilter={onFilter} titleLevel={titleLevel} now={now ?? new Date()} /> : null}
            {parts.includes("table") ? (
              <ReportTable
                query={shown}
                range={result.range}
                rows={result.rows}
                totals={result.totals}
                currency={currency}
                comparison={comparison && result.comparison ? { ...comparison, rows: result.comparison.rows } : undefined}
                onFilter={onFilter}
                titleLevel={titleLevel}
              />
            ) : null}
          </>
        ) : (
          <EmptyReport filtered={shown.filters.length > 0} future={result.range.startDate > todayIn(result.range.timezone, now ?? new Date())} />
        )}
      </div>
    </div>
  );
}
