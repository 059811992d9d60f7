import type { ReactNode } from "react";
import type { ShareReportResult } from "@/lib/shares/share-view";
import type { TileView } from "@/lib/dashboards/dashboard";
import { FigureCards } from "./figure-cards";
import { FiguresTable } from "./figures-table";
import { ReportChart, hasChart } from "./report-chart";

/**
 * A report tile's figures as the agency chose to show them. A chart the report cannot draw (no grouping,
 * "table only") falls back to what it has: its table when it has rows by something, else its totals.
 */
export function ReportTileBody({ result, view, title }: { result: ShareReportResult; view: TileView; title: string }) {
  const grouped = result.range.grouping !== null || result.by.length > 0;
  const chart = hasChart(result) ? <ReportChart result={result} /> : null;
  const table = grouped ? <FiguresTable result={result} title={title} /> : null;
  const cards = <FigureCards result={result} />;

  const parts: ReactNode[] =
    view === "cards"
      ? [cards]
      : view === "table"
        ? [table ?? cards]
        : view === "chart"
          ? [chart ? <ChartWithFigures key="chart" chart={chart} table={table} /> : (table ?? cards)]
          : [cards, chart, table];
  return <div className="flex min-w-0 flex-col gap-4">{parts.filter(Boolean).map((part, index) => <div key={index} className="min-w-0">{part}</div>)}</div>;
}

/** A chart-only tile still has its figures a click away, for anyone who cannot read the picture (no JS needed). */
function ChartWithFigures({ chart, table }: { chart: ReactNode; table: ReactNode }) {
  return (
    <div className="flex flex-col gap-2">
      {chart}
      {table ? (
        <details className="text-sm print:hidden" data-share-figures>
          <summary className="cursor-pointer text-muted">The figures as a table</summary>
          <div className="mt-2">{table}</div>
        </details>
      ) : null}
    </div>
  );
}
