import { GRID_CLASS } from "@/components/dashboards/tile-context";
import type { ShareView } from "@/lib/shares/share-view";
import { BrandHeader } from "./brand-header";
import { RangeNav } from "./range-nav";
import { ShareFooter } from "./share-footer";
import { ShareFrame } from "./share-frame";
import { ShareTile } from "./share-tile";

/** The timezone the figures are in: the first report's site's (a share shows one site's reports). */
function figuresTimezone(view: ShareView): string {
  for (const tile of view.tiles) if (tile.kind === "report" && tile.result) return tile.result.range.timezone;
  return "UTC";
}

/**
 * The shared report or dashboard with its figures, whole on first paint. Embedded in the client's own
 * site it drops the header (the frame around it is the client's branding); the h1 stays for screen readers.
 */
export function ShareViewPage({ view, slug, embedded }: { view: ShareView; slug: string; embedded: boolean }) {
  return (
    <ShareFrame accent={view.accent} embedded={embedded}>
      {embedded ? null : (
        <BrandHeader slug={slug} clientName={view.clientName} hasLogo={view.hasLogo} title={view.title} lockedLabel={view.lockedLabel} intro={view.intro} />
      )}
      <main id="main" className="mx-auto flex w-full max-w-6xl flex-1 flex-col gap-5 px-4 py-6">
        {embedded ? <h1 className="sr-only">{view.title}</h1> : null}
        <RangeNav slug={slug} window={view.window} embedded={embedded} />
        {view.tiles.length > 0 ? (
          <div className={GRID_CLASS} data-share-grid>
            {view.tiles.map((tile) => (
              <ShareTile key={tile.id} tile={tile} />
            ))}
          </div>
        ) : (
          <p className="rounded-lg border border-dashed border-line p-8 text-center text-sm text-muted">Nothing has been shared on this page yet.</p>
        )}
      </main>
      <ShareFooter madeWith={view.madeWith} fetchedAt={view.fetchedAt} timezone={figuresTimezone(view)} stale={view.stale} />
    </ShareFrame>
  );
}
