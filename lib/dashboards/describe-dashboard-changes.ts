/**
 * What changed between two versions of a dashboard, in words a reader of its history understands
 * ("tile added: Blog traffic; tile moved: Live; tile resized: Live, small → wide; range: report's own →
 * last 7 days; renamed: "A" → "B""). Tiles are matched by id, so a moved tile reads as moved, not as
 * removed and added; of the tiles in both versions, only those outside the longest run kept in order
 * count as moved (dragging one tile to the top moves one tile, not all the others). Words for ranges and
 * filters are the saved-report history's (describe-changes.ts). Isomorphic and pure.
 */
import { formatDateRange } from "@/lib/format/format-date";
import { DATE_PRESET_LABELS } from "@/lib/format/labels";
import { fieldLabel, operatorLabel } from "@/lib/query/fathom-fields";
import type { DateRange } from "@/lib/query/date-presets";
import type { ReportFilter } from "@/lib/query/report-query";
import type { DashboardLayout, Tile } from "./dashboard";
import { sameFilter } from "./tile-query";

/** The parts of a version the description reads. */
export type DescribedDashboard = { name: string; description: string; layout: DashboardLayout; restoredFrom?: number | null };

export type DescribeDashboardOptions = {
  /** A saved report's name for its id; "report 12" when unknown (deleted since). */
  reportName?: (reportId: number) => string | undefined;
  /** A site's name for its id; the id when unknown. */
  siteName?: (siteId: string) => string | undefined;
};

const VIEW_WORDS = { all: "cards, chart and table", cards: "cards", chart: "chart", table: "table" } as const;

function quoted(text: string): string {
  return `"${text}"`;
}

export function rangeText(range: DateRange | null): string {
  if (range === null) return "report's own";
  if (range.preset === "custom") return formatDateRange(range.from, range.to);
  const label = DATE_PRESET_LABELS[range.preset];
  return label.charAt(0).toLowerCase() + label.slice(1);
}

export function filterText(filter: ReportFilter): string {
  return `${fieldLabel(filter.property)} ${operatorLabel(filter.operator)} ${quoted(filter.value)}`;
}

/** A text tile's name: its first line of words, shortened. */
function textTitle(markdown: string): string {
  const line = markdown.split("\n").map((text) => text.replace(/[#>*_`[\]()!-]+/g, " ").replace(/\s+/g, " ").trim()).find(Boolean);
  if (!line) return "empty text";
  return line.length > 30 ? `${line.slice(0, 30)}…` : line;
}

/** How the history names a tile: its report's name, "text: …" or "current visitors on …". */
export function tileTitle(tile: Tile, { reportName, siteName }: DescribeDashboardOptions = {}): string {
  switch (tile.kind) {
    case "report":
      return reportName?.(tile.reportId) ?? `report ${tile.reportId}`;
    case "text":
      return `text “${textTitle(tile.markdown)}”`;
    case "current_visitors":
      return `current visitors on ${siteName?.(tile.site) ?? tile.site}`;
  }
}

/** Indexes (into `sequence`) of a longest strictly increasing subsequence. */
function longestIncreasing(sequence: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = new Array(sequence.length).fill(-1);
  sequence.forEach((value, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sequence[tails[middle]!]! < value) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[index] = tails[low - 1]!;
    tails[low] = index;
  });
  const kept = new Set<number>();
  for (let at = tails.at(-1) ?? -1; at >= 0; at = previous[at]!) kept.add(at);
  return kept;
}

function tileChanges(before: Tile, after: Tile, title: string): string[] {
  const changes: string[] = [];
  if (before.size !== after.size) changes.push(`tile resized: ${title}, ${before.size} → ${after.size}`);
  if (before.kind === "report" && after.kind === "report") {
    if (before.reportId !== after.reportId) changes.push(`tile now shows: ${title}`);
    if (before.view !== after.view) changes.push(`tile shows: ${title}, ${VIEW_WORDS[before.view]} → ${VIEW_WORDS[after.view]}`);
    if (before.pinRange !== after.pinRange) changes.push(`${after.pinRange ? "range pinned" : "range follows the dashboard"}: ${title}`);
    if (before.pinFilters !== after.pinFilters) changes.push(`${after.pinFilters ? "filters pinned" : "filters follow the dashboard"}: ${title}`);
  }
  if (before.kind === "text" && after.kind === "text" && before.markdown !== after.markdown) changes.push(`text edited: ${title}`);
  if (before.kind === "current_visitors" && after.kind === "current_visitors" && before.site !== after.site) {
    changes.push(`tile now shows: ${title}`);
  }
  return changes;
}

/** Every difference in the tiles, range and filters, in the order the page shows them. */
export function describeLayoutChanges(before: DashboardLayout, after: DashboardLayout, options: DescribeDashboardOptions = {}): string[] {
  const changes: string[] = [];
  const title = (tile: Tile) => tileTitle(tile, options);
  const beforeById = new Map(before.tiles.map((tile) => [tile.id, tile]));
  const afterIds = new Set(after.tiles.map((tile) => tile.id));

  for (const tile of after.tiles) if (!beforeById.has(tile.id)) changes.push(`tile added: ${title(tile)}`);
  for (const tile of before.tiles) if (!afterIds.has(tile.id)) changes.push(`tile removed: ${title(tile)}`);

  const kept = after.tiles.filter((tile) => beforeById.has(tile.id));
  const oldOrder = new Map(before.tiles.filter((tile) => afterIds.has(tile.id)).map((tile, index) => [tile.id, index]));
  const inOrder = longestIncreasing(kept.map((tile) => oldOrder.get(tile.id)!));
  kept.forEach((tile, index) => {
    if (!inOrder.has(index)) changes.push(`tile moved: ${title(tile)}`);
  });
  for (const tile of kept) {
    const old = beforeById.get(tile.id)!;
    changes.push(...(old.kind === tile.kind ? tileChanges(old, tile, title(tile)) : [`tile replaced: ${title(tile)}`]));
  }

  const oldRange = rangeText(before.range);
  const newRange = rangeText(after.range);
  if (oldRange !== newRange) changes.push(`range: ${oldRange} → ${newRange}`);
  for (const filter of after.filters) if (!before.filters.some((old) => sameFilter(old, filter))) changes.push(`filter added: ${filterText(filter)}`);
  for (const filter of before.filters) if (!after.filters.some((now) => sameFilter(now, filter))) changes.push(`filter removed: ${filterText(filter)}`);
  return changes;
}

/**
 * What `current` changed against `previous` (the version before it). The first version is "created"; a
 * restore starts with "restored version N", then what that restore changed.
 */
export function describeDashboardChangeList(
  current: DescribedDashboard,
  previous: DescribedDashboard | undefined,
  options: DescribeDashboardOptions = {},
): string[] {
  if (!previous) return ["created"];
  const changes: string[] = current.restoredFrom ? [`restored version ${current.restoredFrom}`] : [];
  if (current.name !== previous.name) changes.push(`renamed: ${quoted(previous.name)} → ${quoted(current.name)}`);
  if (current.description !== previous.description) {
    changes.push(previous.description === "" ? "description added" : current.description === "" ? "description removed" : "description changed");
  }
  changes.push(...describeLayoutChanges(previous.layout, current.layout, options));
  return changes.length > 0 ? changes : ["no changes"];
}

/** The same, as one line for the history: phrases joined by "; ". */
export function describeDashboardChanges(
  current: DescribedDashboard,
  previous: DescribedDashboard | undefined,
  options: DescribeDashboardOptions = {},
): string {
  return describeDashboardChangeList(current, previous, options).join("; ");
}
