"use client";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useMemo } from "react";
import type { ReportPart } from "@/components/report/report-panel";
import { ReportSkeleton } from "@/components/report/report-skeleton";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import type { ReportTile as ReportTileData, TileView } from "@/lib/dashboards/dashboard";
import { rangeText } from "@/lib/dashboards/describe-dashboard-changes";
import { tileQuery } from "@/lib/dashboards/tile-query";
import { savedReportExploreHref } from "@/lib/reports/report-links";
import type { TileContext } from "./tile-context";

/**
 * Charts draw with recharts, the heaviest library on the page: it loads beside the tiles' first requests.
 * Every tile mounts at once, so their requests leave together and the server can fold them into one.
 */
const ReportPanel = dynamic(() => import("@/components/report/report-panel").then((module) => module.ReportPanel), {
  ssr: false,
  loading: () => <ReportSkeleton cards={2} />,
});

export const VIEW_PARTS: Record<TileView, readonly ReportPart[]> = {
  all: ["cards", "chart", "table"],
  cards: ["cards"],
  chart: ["chart"],
  table: ["table"],
};

/** "Pinned range" and "pinned filters": this tile does not follow the board's bar, and says so. */
function PinCues({ range, filters }: { range: string | null; filters: boolean }) {
  if (range === null && !filters) return null;
  const cue = "rounded-full border border-line px-2 py-0.5";
  return (
    <p className="flex flex-wrap gap-1 text-xs text-muted">
      {range !== null ? <span className={cue}>Pinned range: {range}</span> : null}
      {filters ? <span className={cue}>Pinned filters</span> : null}
    </p>
  );
}

/**
 * A saved report on the board: its cards, chart, table or all three, over the board's range and filters
 * unless the tile pins its own. The heading opens the same report in Explore. A report that was deleted
 * or no longer validates shows why instead (and, while editing, a way to take the tile off).
 */
export function ReportTile({ tile, ctx }: { tile: ReportTileData; ctx: TileContext }) {
  const report = ctx.reports.get(tile.reportId);
  const effective = useMemo(() => tileQuery(tile, report, ctx.scope), [tile, report, ctx.scope]);

  if (!effective.ok || !report) {
    const { kind, problem } = effective.ok ? { kind: "deleted", problem: "The saved report of this tile was deleted." } : effective;
    return (
      <Card className="flex h-full flex-col gap-3" data-tile-problem={kind}>
        <h2 className="text-lg font-semibold">{report?.name ?? "Deleted report"}</h2>
        <Notice tone="warn">{problem}</Notice>
        <div className="flex flex-wrap gap-2">
          {report ? (
            <Link href={`/reports/${report.id}`} className="text-sm text-accent underline">
              Open the saved report
            </Link>
          ) : null}
          {ctx.editing && ctx.onRemove ? (
            <Button variant="secondary" onClick={ctx.onRemove}>
              Remove tile
            </Button>
          ) : null}
        </div>
      </Card>
    );
  }

  const pinnedRange = tile.pinRange && ctx.scope.range !== null ? rangeText(effective.query.range) : null;
  const pinnedFilters = tile.pinFilters && ctx.scope.filters.length > 0;
  return (
    <Card className="flex h-full min-w-0 flex-col gap-2">
      <PinCues range={pinnedRange} filters={pinnedFilters} />
      <ReportPanel
        panelId={tile.id}
        query={effective.query}
        timezone={ctx.sites.get(effective.query.site)?.timezone ?? null}
        parts={VIEW_PARTS[tile.view]}
        heading={
          <Link href={savedReportExploreHref(report.id, effective.query)} className="hover:underline" title="Open in Explore with this dashboard's range and filters">
            {report.name}
          </Link>
        }
      />
      {effective.notes.map((note) => (
        <p key={note} className="text-xs text-muted">
          {note}
        </p>
      ))}
    </Card>
  );
}
