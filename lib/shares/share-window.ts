/**
 * A share's date window applied to what a viewer asks for: which preset the page shows (only one of those
 * the agency allowed), and each report's range cut to the floor and ceiling. The browser's `range` is
 * hostile text; it is compared with the allowed list and never echoed. Pure ("now" is a parameter), so the
 * page, the data route and the tests agree.
 */
import { ApiError } from "@/lib/api/errors";
import { formatDateRange } from "@/lib/format/format-date";
import { DATE_PRESET_LABELS } from "@/lib/format/labels";
import type { DatePreset } from "@/lib/query/date-presets";
import type { ReportQuery } from "@/lib/query/report-query";
import { comparisonRange } from "@/lib/query/comparison-range";
import { rangeFromDays, resolveRange, type ResolveOptions, type ResolvedRange } from "@/lib/query/resolve-range";
import type { ShareWindow } from "./share";

/** "Last month, Last 30 days or This year". */
function presetList(presets: readonly DatePreset[]): string {
  const labels = presets.map((preset) => DATE_PRESET_LABELS[preset]);
  return labels.length <= 1 ? (labels[0] ?? "") : `${labels.slice(0, -1).join(", ")} or ${labels.at(-1)}`;
}

/** Why a range was refused, naming what the link does show. */
export function rangeNotSharedMessage(window: Pick<ShareWindow, "presets">): string {
  return window.presets.length === 0
    ? "This link shows its report's own dates only: it cannot switch to another range."
    : `This link shows ${presetList(window.presets)} only.`;
}

/**
 * The preset the page shows for the `range` a viewer asked for: the share's default when none is asked,
 * else the asked one when the agency allowed it (null: the report's own range). Anything else, including a
 * range asked of a share that allows none, is a 400 `range_not_shared`.
 */
export function sharePreset(window: Pick<ShareWindow, "presets" | "defaultPreset">, asked: string | undefined): DatePreset | null {
  if (asked === undefined) return window.defaultPreset;
  const allowed = window.presets.find((preset) => preset === asked);
  if (allowed) return allowed;
  const message = rangeNotSharedMessage(window);
  throw new ApiError(400, "range_not_shared", message, { fields: { range: [message] } });
}

export type WindowLimits = Pick<ShareWindow, "floor" | "ceiling">;

const day = (date: string) => formatDateRange(date, date);

/** "from Mar 1, 2026", "until Jun 30, 2026", "Mar 1 – Jun 30, 2026". */
function limitsText({ floor, ceiling }: WindowLimits): string {
  if (floor && ceiling) return formatDateRange(floor, ceiling);
  if (floor) return `from ${day(floor)}`;
  return ceiling ? `until ${day(ceiling)}` : "";
}

export type CutQuery =
  | {
      ok: true;
      /** The query with its range replaced by the cut dates (custom) when the window cut it. */
      query: ReportQuery;
      range: ResolvedRange;
      /** The floor or ceiling shortened the range. */
      cut: boolean;
      /** The comparison was turned off: its period reaches outside the window. */
      comparisonOff: boolean;
    }
  | { ok: false; problem: string };

/**
 * `query`'s range resolved in the site's timezone and cut to the window. A range entirely outside it
 * leaves nothing to show (a problem for the tile). A comparison whose period reaches outside the window
 * would show figures that were not shared, so it is turned off.
 */
export function cutQuery(query: ReportQuery, limits: WindowLimits, options: ResolveOptions): CutQuery {
  const resolved = resolveRange(query.range, options);
  const startDate = limits.floor && limits.floor > resolved.startDate ? limits.floor : resolved.startDate;
  const endDate = limits.ceiling && limits.ceiling < resolved.endDate ? limits.ceiling : resolved.endDate;
  if (startDate > endDate) {
    return { ok: false, problem: `Nothing to show: these dates are outside what was shared (${limitsText(limits)}).` };
  }
  const cut = startDate !== resolved.startDate || endDate !== resolved.endDate;
  const range = cut ? rangeFromDays(startDate, endDate, resolved.timezone) : resolved;
  let next: ReportQuery = cut ? { ...query, range: { preset: "custom", from: startDate, to: endDate } } : query;

  let comparisonOff = false;
  if (next.compare !== "none") {
    const previous = comparisonRange(range, next.compare, { preset: next.range.preset, now: options.now });
    if ((limits.floor && previous.startDate < limits.floor) || (limits.ceiling && previous.endDate > limits.ceiling)) {
      next = { ...next, compare: "none" };
      comparisonOff = true;
    }
  }
  return { ok: true, query: next, range, cut, comparisonOff };
}

/**
 * What the page says about the window's effect (ShareView.window.cut): that dates were left out, and that
 * comparisons were turned off; null when neither happened.
 */
export function describeCut(limits: WindowLimits, { cut, comparisonOff }: { cut: boolean; comparisonOff: boolean }): string | null {
  const notes: string[] = [];
  if (cut) notes.push(`Only dates ${limitsText(limits)} were shared: the rest of the range is not shown.`);
  if (comparisonOff) notes.push(`Shown without comparison: the earlier period reaches outside what was shared (${limitsText(limits)}).`);
  return notes.length > 0 ? notes.join(" ") : null;
}
