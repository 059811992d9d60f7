"use client";
import type { Tile } from "@/lib/dashboards/dashboard";
import { GRID_CLASS, TILE_SPAN, type TileContext } from "./tile-context";
import { TileView, tileName } from "./tile-registry";

/**
 * The board as viewers see it: tiles in order on a four-column grid, each as wide as its size, stacked
 * on a phone. An ordered list, so a screen reader hears "tile 3 of 7".
 */
export function TileGrid({ tiles, ctx, emptyText }: { tiles: readonly Tile[]; ctx: TileContext; emptyText: string }) {
  if (tiles.length === 0) {
    return <p className="rounded-lg border border-dashed border-line p-8 text-center text-sm text-muted">{emptyText}</p>;
  }
  return (
    <ol aria-label="Tiles" className={GRID_CLASS}>
      {tiles.map((tile) => (
        <li key={tile.id} className={`${TILE_SPAN[tile.size]} min-w-0`} data-tile={tile.id} data-tile-kind={tile.kind} aria-label={tileName(tile, ctx)}>
          <TileView tile={tile} ctx={ctx} />
        </li>
      ))}
    </ol>
  );
}
