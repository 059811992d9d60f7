/**
 * The effective query of a report tile: what the tile really asks, given its saved report and the
 * dashboard's range and filters. The dashboard's range replaces the report's own unless the tile pins it,
 * and the dashboard's filters are added to the report's own unless the tile pins those. A report that no
 * longer reads, or a board that cannot be combined with it, is a message for the tile, never a throw, so
 * one broken tile never takes the board down. Isomorphic and pure: the page, the links to Explore and the
 * tests all compute the same query.
 */
import type { DateRange } from "@/lib/query/date-presets";
import { maxRangeDays } from "@/lib/query/date-presets";
import { HOURLY_MAX_DAYS } from "@/lib/query/fathom-fields";
import { upgradeReportQuery } from "@/lib/query/query-upgrade";
import { MAX_FILTERS, reportQuerySchema, type ReportFilter, type ReportQuery } from "@/lib/query/report-query";
import { fieldsFromZod } from "@/lib/api/errors";
import type { ReportTile } from "./dashboard";

/** The range and filters every following tile takes: the URL's, else the dashboard's saved ones. */
export type BoardScope = { range: DateRange | null; filters: readonly ReportFilter[] };

/** What a tile needs of its saved report. */
export type TileReport = { id: number; name: string; query: unknown };

/** Why a tile cannot show: its report is gone, or the report (or its combination with the board) does not validate. */
export type TileProblemKind = "deleted" | "invalid";

export type TileQuery =
  | {
      ok: true;
      query: ReportQuery;
      /** True when the tile shows the dashboard's range (false: pinned, or the board uses each report's own). */
      followsRange: boolean;
      /** True when the dashboard's filters were added. */
      followsFilters: boolean;
      /** Adjustments made so the combination is valid ("hourly became automatic"), for a quiet note on the tile. */
      notes: string[];
    }
  | { ok: false; kind: TileProblemKind; problem: string };

/** Two filters are the same filter when property, operator and value match exactly. */
export function sameFilter(a: ReportFilter, b: ReportFilter): boolean {
  return a.property === b.property && a.operator === b.operator && a.value === b.value;
}

/** `extra` after `own`, each filter once. */
export function mergeFilters(own: readonly ReportFilter[], extra: readonly ReportFilter[]): ReportFilter[] {
  const merged = [...own];
  for (const filter of extra) if (!merged.some((kept) => sameFilter(kept, filter))) merged.push(filter);
  return merged;
}

function firstMessage(errors: Record<string, string[]>): string {
  return Object.values(errors).flat()[0] ?? "it does not validate";
}

/** Ends a message with a full stop, once. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * The query `tile` runs on a board scoped to `scope`, or why it cannot run. `report` is undefined when the
 * tile's saved report was deleted.
 */
export function tileQuery(tile: ReportTile, report: TileReport | undefined, scope: BoardScope): TileQuery {
  if (!report) {
    return { ok: false, kind: "deleted", problem: "The saved report of this tile was deleted, so there is nothing to show." };
  }
  const saved = upgradeReportQuery(report.query);
  if (!saved.ok) {
    return {
      ok: false,
      kind: "invalid",
      problem: `The saved report “${report.name}” no longer works: ${sentence(firstMessage(saved.errors))} Open it in Explore to fix it.`,
    };
  }

  let query: ReportQuery = saved.query;
  const notes: string[] = [];
  const followsRange = !tile.pinRange && scope.range !== null;
  if (followsRange && scope.range) {
    query = { ...query, range: scope.range };
    if (query.grouping === "hour" && maxRangeDays(scope.range) > HOURLY_MAX_DAYS) {
      query = { ...query, grouping: "auto" };
      notes.push(`Shown with automatic date grouping: hourly needs ${HOURLY_MAX_DAYS} days or less.`);
    }
    if (query.compare !== "none" && scope.range.preset === "all_time") {
      query = { ...query, compare: "none" };
      notes.push("Shown without its comparison: all time has no earlier period.");
    }
  }

  const followsFilters = !tile.pinFilters && scope.filters.length > 0;
  if (followsFilters) {
    const filters = mergeFilters(query.filters, scope.filters);
    if (filters.length > MAX_FILTERS) {
      return {
        ok: false,
        kind: "invalid",
        problem: `This report has ${query.filters.length} filters and the dashboard adds ${filters.length - query.filters.length}: at most ${MAX_FILTERS} fit in one report. Pin the tile's filters, or use fewer.`,
      };
    }
    query = { ...query, filters };
  }

  const checked = reportQuerySchema.safeParse(query);
  if (!checked.success) {
    return {
      ok: false,
      kind: "invalid",
      problem: `“${report.name}” cannot be shown with the dashboard's range and filters: ${sentence(firstMessage(fieldsFromZod(checked.error)))} Pin the tile's range or filters, or change the dashboard's.`,
    };
  }
  return { ok: true, query: checked.data, followsRange, followsFilters, notes };
}
