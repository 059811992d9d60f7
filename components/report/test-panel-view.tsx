/** Rendering one panel in a given run state, for the panel's tests (the hook that runs it: report-panels.test.tsx). */
import { render } from "@testing-library/react";
import type { ReportResult } from "@/lib/query/report-result";
import { ReportPanelView, type ReportPanelViewProps } from "./report-panel";
import { dailyResult } from "./test-report-results";
import type { ReportRun } from "./use-report-run";

/** 12:03 in Berlin on 15 May 2024, the day after the fixtures' range ("updated 3 min ago"). */
export const NOW = new Date("2024-05-15T10:03:00Z");

export type ViewProps = Partial<Omit<ReportRun, "retry"> & ReportPanelViewProps> & { result: ReportResult | undefined; onRetry?: () => void };

export function view({ query, result, isFetching = false, error = null, onRetry = () => {}, ...panel }: ViewProps) {
  const run: ReportRun = { query: query ?? result?.query ?? dailyResult().query, result, isFetching, error, retry: onRetry };
  return render(<ReportPanelView run={run} panelId="test" now={NOW} {...panel} />);
}

/** A metric's card. */
export const card = (metric: string) => document.querySelector(`[data-metric="${metric}"]`) as HTMLElement;
