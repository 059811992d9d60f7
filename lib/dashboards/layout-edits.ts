/**
 * The dashboard editor's changes as pure functions: each takes a draft and returns the next one, so the
 * editor, its undo and its tests share one meaning of "move a tile". An edit that cannot apply (a tile
 * that is not there, a board already full) returns the same draft, which the history then ignores: a
 * stale click never crashes the editor nor fills the undo stack with nothing. Isomorphic and pure.
 */
import { MAX_TILES, type DashboardLayout, type Tile, type TileSize } from "./dashboard";
import type { BoardScope } from "./tile-query";

/** What the editor changes: the layout, the name and the description (saved together as one version). */
export type DashboardDraft = { name: string; description: string; layout: DashboardLayout };

/** Whether another tile fits. */
export function canAddTile(layout: DashboardLayout): boolean {
  return layout.tiles.length < MAX_TILES;
}

/** Adds `tile` at the end (or at `index`); unchanged when the board is full or the id is taken. */
export function addTile(layout: DashboardLayout, tile: Tile, index = layout.tiles.length): DashboardLayout {
  if (!canAddTile(layout) || layout.tiles.some((kept) => kept.id === tile.id)) return layout;
  const at = Math.max(0, Math.min(index, layout.tiles.length));
  return { ...layout, tiles: [...layout.tiles.slice(0, at), tile, ...layout.tiles.slice(at)] };
}

export function removeTile(layout: DashboardLayout, id: string): DashboardLayout {
  const tiles = layout.tiles.filter((tile) => tile.id !== id);
  return tiles.length === layout.tiles.length ? layout : { ...layout, tiles };
}

/** Moves a tile to position `to` (0-based, clamped); unchanged when it is already there or missing. */
export function moveTile(layout: DashboardLayout, id: string, to: number): DashboardLayout {
  const from = layout.tiles.findIndex((tile) => tile.id === id);
  const target = Math.max(0, Math.min(to, layout.tiles.length - 1));
  if (from < 0 || from === target) return layout;
  const tiles = [...layout.tiles];
  const [moved] = tiles.splice(from, 1);
  tiles.splice(target, 0, moved!);
  return { ...layout, tiles };
}

export function resizeTile(layout: DashboardLayout, id: string, size: TileSize): DashboardLayout {
  return changeTile(layout, id, (tile) => ({ ...tile, size }));
}

/**
 * Replaces a tile by what `change` makes of it; the id and kind stay (a tile never turns into another
 * kind: remove it and add one). Unchanged when nothing differs.
 */
export function changeTile(layout: DashboardLayout, id: string, change: (tile: Tile) => Tile): DashboardLayout {
  let changed = false;
  const tiles = layout.tiles.map((tile) => {
    if (tile.id !== id) return tile;
    const next = { ...change(tile), id: tile.id, kind: tile.kind } as Tile;
    changed = JSON.stringify(next) !== JSON.stringify(tile);
    return changed ? next : tile;
  });
  return changed ? { ...layout, tiles } : layout;
}

/** Makes a range and filters the dashboard's saved ones (Grafana's "save current time range as default"). */
export function setBoardScope(layout: DashboardLayout, scope: BoardScope): DashboardLayout {
  const next = { ...layout, range: scope.range, filters: [...scope.filters] };
  return JSON.stringify([next.range, next.filters]) === JSON.stringify([layout.range, layout.filters]) ? layout : next;
}

const TILE_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

/**
 * A new tile id (12 url-safe characters), different from every id in `layout`. `random` fills a byte
 * array; tests pass a fixed one.
 */
export function newTileId(layout: DashboardLayout, random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string {
  for (;;) {
    const id = Array.from(random(new Uint8Array(12)), (byte) => TILE_ID_ALPHABET[byte % 64]).join("");
    if (!layout.tiles.some((tile) => tile.id === id)) return id;
  }
}

/** How many changes "Undo" can take back. */
export const UNDO_DEPTH = 50;

/** The editor's state: the draft now, and the drafts before each change, most recent last, with what each change was. */
export type EditHistory = {
  present: DashboardDraft;
  past: Array<{ draft: DashboardDraft; change: string }>;
};

export function startEditing(draft: DashboardDraft): EditHistory {
  return { present: draft, past: [] };
}

/**
 * Records a change named `change` ("tile moved"); a change that changed nothing is not recorded. With
 * `coalesce`, a change of the same name as the last one joins it (typing a name is one change to undo,
 * not one per key).
 */
export function applyChange(history: EditHistory, next: DashboardDraft, change: string, { coalesce = false } = {}): EditHistory {
  if (next === history.present || JSON.stringify(next) === JSON.stringify(history.present)) return history;
  if (coalesce && history.past.at(-1)?.change === change) return { present: next, past: history.past };
  return { present: next, past: [...history.past, { draft: history.present, change }].slice(-UNDO_DEPTH) };
}

/** Applies a layout edit to the draft's layout. */
export function applyLayoutChange(history: EditHistory, edit: (layout: DashboardLayout) => DashboardLayout, change: string): EditHistory {
  const layout = edit(history.present.layout);
  return layout === history.present.layout ? history : applyChange(history, { ...history.present, layout }, change);
}

/** Takes back the last change; `undone` names it (null when there was none). */
export function undo(history: EditHistory): { history: EditHistory; undone: string | null } {
  const last = history.past.at(-1);
  if (!last) return { history, undone: null };
  return { history: { present: last.draft, past: history.past.slice(0, -1) }, undone: last.change };
}

/** Whether the draft differs from where editing started. */
export function hasChanges(history: EditHistory, saved: DashboardDraft): boolean {
  return JSON.stringify(history.present) !== JSON.stringify(saved);
}
