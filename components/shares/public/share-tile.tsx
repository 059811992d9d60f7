import { MarkdownText } from "@/components/dashboards/markdown-text";
import { TILE_SPAN } from "@/components/dashboards/tile-context";
import { formatDateRange } from "@/lib/format/format-date";
import type { ShareTile as ShareTileData } from "@/lib/shares/share-view";
import { ReportTileBody } from "./report-tile-body";

const FRAME = "flex min-w-0 flex-col gap-3 rounded-lg border border-line bg-surface p-4 shadow-sm print:shadow-none";

/**
 * One tile of the shared page: a report under its name (with its own dates, which may differ from the
 * page's when the dashboard keeps each report's range) or a Markdown note. `data-share-tile` is what the
 * print stylesheet keeps whole and the e2e tests count.
 */
export function ShareTile({ tile }: { tile: ShareTileData }) {
  if (tile.kind === "text") {
    return (
      <section data-share-tile data-tile-kind="text" className={`${TILE_SPAN[tile.size]} ${FRAME}`}>
        {tile.markdown.trim() ? <MarkdownText markdown={tile.markdown} /> : null}
      </section>
    );
  }
  const headingId = `tile-${tile.id}`;
  return (
    <section data-share-tile data-tile-kind="report" aria-labelledby={headingId} className={`${TILE_SPAN[tile.size]} ${FRAME}`}>
      <div>
        <h2 id={headingId} className="text-base font-semibold break-words">
          {tile.title}
        </h2>
        {tile.result ? <p className="text-xs text-muted">{formatDateRange(tile.result.range.startDate, tile.result.range.endDate)}</p> : null}
      </div>
      {tile.problem || !tile.result ? (
        <p className="text-sm text-muted" data-share-problem>
          {tile.problem ?? "There are no figures for this report."}
        </p>
      ) : (
        <ReportTileBody result={tile.result} view={tile.view} title={tile.title} />
      )}
    </section>
  );
}
