"use client";
import type { ComponentType } from "react";
import type { Tile } from "@/lib/dashboards/dashboard";
import { tileTitle } from "@/lib/dashboards/describe-dashboard-changes";
import { CurrentVisitorsTile } from "./current-visitors-tile";
import { ReportTile } from "./report-tile";
import { TextTile } from "./text-tile";
import type { TileContext } from "./tile-context";

type Kind = Tile["kind"];
type TileOf<K extends Kind> = Extract<Tile, { kind: K }>;

type TileEntry<K extends Kind> = {
  /** The kind, as the "Add a tile" choices name it. */
  label: string;
  /** How announcements and controls name one tile ("Move Blog traffic"). */
  title: (tile: TileOf<K>, ctx: TileContext) => string;
  Component: ComponentType<{ tile: TileOf<K>; ctx: TileContext }>;
};

/**
 * One entry per tile kind (Umami's board registry): a new kind is one entry here plus its settings in
 * the editor, and the grid, the editor and the announcements need no change.
 */
export const TILE_REGISTRY: { [K in Kind]: TileEntry<K> } = {
  report: {
    label: "Saved report",
    title: (tile, ctx) => ctx.reports.get(tile.reportId)?.name ?? "Deleted report",
    Component: ReportTile,
  },
  text: {
    label: "Text",
    title: (tile) => tileTitle(tile).replace(/^text/, "Text"),
    Component: TextTile,
  },
  current_visitors: {
    label: "Current visitors",
    title: (tile, ctx) => `Current visitors on ${ctx.sites.get(tile.site)?.name ?? tile.site}`,
    Component: CurrentVisitorsTile,
  },
};

function entryOf<K extends Kind>(tile: TileOf<K>): TileEntry<K> {
  return TILE_REGISTRY[tile.kind as K];
}

export function tileName(tile: Tile, ctx: TileContext): string {
  return entryOf(tile).title(tile as never, ctx);
}

/** Draws any tile through its registry entry. */
export function TileView({ tile, ctx }: { tile: Tile; ctx: TileContext }) {
  const { Component } = entryOf(tile);
  return <Component tile={tile as never} ctx={ctx} />;
}
