import "server-only";
import { ApiError } from "@/lib/api/errors";
import type { DocumentsRepository } from "@/lib/store/versioned-documents";
import type { DashboardLayout, ReportTile } from "./dashboard";

const reportTiles = (layout: DashboardLayout): ReportTile[] => layout.tiles.filter((tile): tile is ReportTile => tile.kind === "report");

/** The saved reports a layout's report tiles name, each once, in the order of the tiles. */
export function tileReportIds(layout: DashboardLayout): number[] {
  return [...new Set(reportTiles(layout).map((tile) => tile.reportId))];
}

const tileKey = (tile: ReportTile) => `${tile.id}:${tile.reportId}`;

/**
 * Refuses (400 `unknown_report`, one message per tile, the first as the headline) a layout whose report
 * tile names a saved report that does not exist or is deleted. A tile already in the current layout (the
 * same tile id and report) is let through: a dashboard whose report was deleted later can still be
 * reordered and saved, and its tile says the report is gone.
 */
export async function checkTileReports(reports: DocumentsRepository, layout: DashboardLayout, current: DashboardLayout | null): Promise<void> {
  const kept = new Set(current ? reportTiles(current).map(tileKey) : []);
  const added = layout.tiles.flatMap((tile, index) => (tile.kind === "report" && !kept.has(tileKey(tile)) ? [{ tile, index }] : []));
  if (added.length === 0) return;
  const found = new Map((await reports.findMany(added.map(({ tile }) => tile.reportId))).map((report) => [report.id, report]));
  const fields: Record<string, string[]> = {};
  for (const { tile, index } of added) {
    const report = found.get(tile.reportId);
    if (report && report.deletedAt === null) continue;
    const message = report
      ? `Tile ${index + 1}: saved report ${tile.reportId} was deleted`
      : `Tile ${index + 1}: there is no saved report ${tile.reportId}`;
    fields[`layout.tiles.${index}.reportId`] = [message];
  }
  const messages = Object.values(fields).flat();
  if (messages.length > 0) throw new ApiError(400, "unknown_report", messages[0]!, { fields });
}
