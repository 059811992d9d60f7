/**
 * The period a report is compared with. Isomorphic and pure ("now" is a parameter).
 *
 * - Previous period: the preceding period of the same kind. A calendar period compares with the one
 *   before it (last month → the month before, last quarter → the quarter before); a period "so far"
 *   compares with the same days of the one before (this month on the 12th → the 1st to the 12th of last
 *   month, clamped to its last day); "last N days" and custom dates with the N days just before them.
 * - Matching day of week: the same number of days, shifted back by the smallest whole number of weeks that
 *   is at least the range's length, so a Monday compares with a Monday; it never overlaps the range and
 *   leaves a gap of at most six days.
 * - Previous year: the same calendar dates one year earlier (29 February becomes 28 February).
 * - Today so far compares up to the same hour (whichever kind): today's first five hours against
 *   yesterday's first five hours, never against all of yesterday. The compared span ends at the end of
 *   the current hour, so the comparison's cache key changes once an hour, not every request.
 */
import { TZDate } from "@date-fns/tz";
import { endOfMonth, endOfQuarter, endOfYear, format, startOfQuarter, subDays, subMonths, subQuarters, subYears } from "date-fns";
import type { DateRange } from "./date-presets";
import type { Comparison } from "./report-query";
import { rangeFromDays, type ResolvedRange } from "./resolve-range";

export type ComparisonKind = Exclude<Comparison, "none">;

export type ComparisonContext = {
  /** The preset the range was resolved from: it decides what "the period before" is. */
  preset: DateRange["preset"];
  now: Date;
};

/** Calendar arithmetic on UTC midnights, so the process timezone and DST never shift a day. */
function day(date: string): TZDate {
  return new TZDate(`${date}T00:00:00Z`, "UTC");
}
const ymd = (date: Date) => format(date, "yyyy-MM-dd");

/** `[start, end]` of the preceding period of the same kind. */
function previousOfSameKind(range: ResolvedRange, preset: DateRange["preset"]): [string, string] {
  const start = day(range.startDate);
  const end = day(range.endDate);
  switch (preset) {
    case "this_month":
      return [ymd(subMonths(start, 1)), ymd(subMonths(end, 1))];
    case "last_month": {
      const previous = subMonths(start, 1);
      return [ymd(previous), ymd(endOfMonth(previous))];
    }
    case "this_quarter": {
      // The same number of months and days into the previous quarter (1 Oct–12 Nov → 1 Jul–12 Aug).
      const previousStart = subQuarters(startOfQuarter(start), 1);
      const last = subMonths(end, 3);
      const clamped = last > endOfQuarter(previousStart) ? endOfQuarter(previousStart) : last;
      return [ymd(previousStart), ymd(clamped)];
    }
    case "last_quarter": {
      const previous = subQuarters(start, 1);
      return [ymd(previous), ymd(endOfQuarter(previous))];
    }
    case "this_year":
      return [ymd(subYears(start, 1)), ymd(subYears(end, 1))];
    case "last_year": {
      const previous = subYears(start, 1);
      return [ymd(previous), ymd(endOfYear(previous))];
    }
    case "last_12_months": {
      const previous = subMonths(start, 12);
      return [ymd(previous), ymd(endOfMonth(subMonths(end, 12)))];
    }
    case "this_week":
      // This week so far → the same weekdays of last week.
      return [ymd(subDays(start, 7)), ymd(subDays(end, 7))];
    default:
      // Days, last week, yesterday and custom dates: the same number of days just before.
      return [ymd(subDays(start, range.days)), ymd(subDays(end, range.days))];
  }
}

function weekdayMatched(range: ResolvedRange): [string, string] {
  const shift = Math.ceil(range.days / 7) * 7;
  return [ymd(subDays(day(range.startDate), shift)), ymd(subDays(day(range.endDate), shift))];
}

/** The hour `now` is in, in `timezone` (`05` at 05:20). */
function currentHour(now: Date, timezone: string): string {
  return format(new TZDate(now.getTime(), timezone), "HH");
}

/** The period `range` is compared with (see the rules at the top of this file). */
export function comparisonRange(range: ResolvedRange, compare: ComparisonKind, { preset, now }: ComparisonContext): ResolvedRange {
  const [startDate, endDate] =
    compare === "previous_year"
      ? [ymd(subYears(day(range.startDate), 1)), ymd(subYears(day(range.endDate), 1))]
      : compare === "previous_period_weekday"
        ? weekdayMatched(range)
        : previousOfSameKind(range, preset);
  const previous = rangeFromDays(startDate, endDate, range.timezone);
  if (preset !== "today") return previous;
  return { ...previous, to: `${endDate} ${currentHour(now, range.timezone)}:59:59` };
}
