/**
 * What every tile is drawn with, whichever its kind: the board's scope (the range and filters report
 * tiles follow), the saved reports and sites the tiles name, and whether the board is being edited
 * (a broken tile then offers "Remove tile"). One object so the registry's entries share one signature.
 */
import type { BoardScope } from "@/lib/dashboards/tile-query";
import type { TileSize } from "@/lib/dashboards/dashboard";
import type { SavedReport } from "@/lib/reports/saved-report";

/** A site as the board needs it: its name for headings, its timezone for whether a period is over. */
export type DashboardSite = { id: string; name: string; timezone: string | null };

export type TileContext = {
  scope: BoardScope;
  reports: ReadonlyMap<number, SavedReport>;
  sites: ReadonlyMap<string, DashboardSite>;
  editing: boolean;
  /** In edit mode: takes this tile off the board (offered on a tile that cannot show). */
  onRemove?: () => void;
};

/**
 * The grid: one column on a phone (tiles stack in order, full width), two on a tablet, four on a desktop.
 * Literal class names, so Tailwind finds them.
 */
export const GRID_CLASS = "grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4";

export const TILE_SPAN: Record<TileSize, string> = {
  small: "col-span-1",
  medium: "col-span-1 sm:col-span-2",
  wide: "col-span-1 sm:col-span-2 lg:col-span-3",
  full: "col-span-1 sm:col-span-2 lg:col-span-4",
};

export const SIZE_LABELS: Record<TileSize, string> = {
  small: "Small (a quarter)",
  medium: "Medium (half)",
  wide: "Wide (three quarters)",
  full: "Full width",
};
