/**
 * Turns a date range (preset or custom) into concrete Fathom timestamps in the site's timezone, picks the
 * "auto" date grouping, derives the comparison period and lists every date bucket of a range. Pure: "now"
 * is always a parameter, never read from the clock.
 *
 * Conventions (documented for the builder and the route):
 * - A range is whole calendar days in the site's timezone: `from` is `YYYY-MM-DD 00:00:00` of its first
 *   day and `to` is `YYYY-MM-DD 23:59:59` of its last day (never "now", so that identical reports made
 *   minutes apart share one cache key).
 * - "Last N days" is today and the N−1 days before it. "This week/month/quarter/year" run from the start
 *   of the period to today. Weeks start on Monday. "Last 12 months" is the twelve whole months before the
 *   current one (on 1 December 2026: 1 December 2025 – 30 November 2026), as Google Analytics has it, so
 *   it is never "this year" in December and its figures are final. "All time" starts on `earliest` (the
 *   site's creation date when known).
 * - The period a range is compared with: comparison-range.ts.
 */
import { TZDate } from "@date-fns/tz";
import {
  addDays,
  addHours,
  addMonths,
  endOfMonth,
  endOfQuarter,
  endOfYear,
  format,
  startOfMonth,
  startOfQuarter,
  startOfWeek,
  startOfYear,
  subDays,
  subMonths,
  subQuarters,
  subYears,
} from "date-fns";
import { isKnownTimezone } from "./text-checks";
import { daysBetweenInclusive, type DateRange } from "./date-presets";
import type { DateGrouping } from "./fathom-fields";
import type { GroupingChoice } from "./report-query";

export type ResolvedRange = {
  /** Fathom timestamp of the first second, `YYYY-MM-DD 00:00:00`, in `timezone`. */
  from: string;
  /** Fathom timestamp of the last second, `YYYY-MM-DD 23:59:59`, in `timezone`. */
  to: string;
  /** First and last calendar day, `YYYY-MM-DD`, both included. */
  startDate: string;
  endDate: string;
  /** Calendar days in the range, both ends included. */
  days: number;
  timezone: string;
};

export type ResolveOptions = {
  timezone: string;
  now: Date;
  /** First day of "all time" (`YYYY-MM-DD`), e.g. the site's creation date. */
  earliest?: string;
};

/** Where "all time" starts when the site's creation date is unknown: Fathom's launch year. */
export const DEFAULT_EARLIEST = "2018-01-01";
/** "Auto" grouping: hourly up to this many days, daily up to `AUTO_DAY_MAX_DAYS`, monthly beyond. */
export const AUTO_HOUR_MAX_DAYS = 2;
export const AUTO_DAY_MAX_DAYS = 92;

/** True when the runtime knows this IANA timezone name. */
export function isValidTimezone(timezone: string): boolean {
  return isKnownTimezone(timezone);
}

/** Fathom reports in the account's timezone when a site has none; Sounding cannot know that one, so UTC. */
export const FALLBACK_TIMEZONE = "UTC";

/** The timezone a site's dates are resolved in: its own when the runtime knows it, else the fallback. */
export function reportTimezone(timezone: string | null | undefined): string {
  return timezone && isValidTimezone(timezone) ? timezone : FALLBACK_TIMEZONE;
}

/** Presets that end before today, whatever today is. */
const CLOSED_PRESETS: ReadonlySet<DateRange["preset"]> = new Set(["yesterday", "last_week", "last_month", "last_quarter", "last_year", "last_12_months"]);

/**
 * UTC−12 is the last zone to reach any date: a period that ended before today there has ended before today
 * everywhere. "Is this period closed" reads an unknown timezone as this one, so it can never call an open
 * period closed (and cache it for good) by guessing the zone wrong.
 */
const LAST_TIMEZONE = "Etc/GMT+12";

/**
 * The one rule for "is this period closed": its last day (`YYYY-MM-DD`) is before today in the site's
 * timezone, so its figures are final and never change. The browser (never re-fetch) and the governor
 * (cache for long, persist) both ask this.
 */
export function endedBeforeToday(lastDay: string, timezone: string | null | undefined, now: Date): boolean {
  return lastDay < todayIn(timezone && isValidTimezone(timezone) ? timezone : LAST_TIMEZONE, now);
}

/** True when the range ended before today in `timezone` (the presets that always have, or custom dates). */
export function isClosedRange(range: DateRange, timezone: string | null | undefined, now: Date): boolean {
  if (range.preset === "custom") return endedBeforeToday(range.to, timezone, now);
  return CLOSED_PRESETS.has(range.preset);
}

/**
 * Today's calendar date (`YYYY-MM-DD`) in `timezone` at the instant `now`. Every report and every governed
 * read asks it, and timezone arithmetic is slow, so each zone's current day is kept with the instants it
 * begins and ends (DST included): an instant inside them is answered without arithmetic, exactly.
 */
export function todayIn(timezone: string, now: Date): string {
  if (!isValidTimezone(timezone)) throw new RangeError(`Unknown timezone "${timezone}"`);
  const at = now.getTime();
  const kept = keptDays.get(timezone);
  if (kept && at >= kept.from && at < kept.until) return kept.day;
  const day = format(new TZDate(at, timezone), "yyyy-MM-dd");
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const from = new TZDate(year, month - 1, date, timezone).getTime();
  const until = new TZDate(year, month - 1, date + 1, timezone).getTime();
  // Only a day whose bounds hold this instant is kept (a zone whose midnight is skipped by DST is recomputed).
  if (at >= from && at < until) keptDays.set(timezone, { day, from, until });
  return day;
}
const keptDays = new Map<string, { day: string; from: number; until: number }>();

/** Calendar arithmetic happens on UTC midnights, so the process timezone and DST never shift a day. */
function day(date: string): TZDate {
  return new TZDate(`${date}T00:00:00Z`, "UTC");
}
function ymd(date: Date): string {
  return format(date, "yyyy-MM-dd");
}

function span(start: Date, end: Date): [string, string] {
  return [ymd(start), ymd(end)];
}

function presetDays(range: DateRange, today: string, earliest: string): [string, string] {
  const t = day(today);
  const monday = startOfWeek(t, { weekStartsOn: 1 });
  switch (range.preset) {
    case "custom":
      return [range.from, range.to];
    case "today":
      return [today, today];
    case "yesterday":
      return span(subDays(t, 1), subDays(t, 1));
    case "last_7_days":
      return span(subDays(t, 6), t);
    case "last_30_days":
      return span(subDays(t, 29), t);
    case "last_90_days":
      return span(subDays(t, 89), t);
    case "this_week":
      return span(monday, t);
    case "last_week":
      return span(subDays(monday, 7), subDays(monday, 1));
    case "this_month":
      return span(startOfMonth(t), t);
    case "last_month": {
      const previous = subMonths(startOfMonth(t), 1);
      return span(previous, endOfMonth(previous));
    }
    case "this_quarter":
      return span(startOfQuarter(t), t);
    case "last_quarter": {
      const previous = subQuarters(startOfQuarter(t), 1);
      return span(previous, endOfQuarter(previous));
    }
    case "this_year":
      return span(startOfYear(t), t);
    case "last_year": {
      const previous = subYears(startOfYear(t), 1);
      return span(previous, endOfYear(previous));
    }
    case "last_12_months": {
      const thisMonth = startOfMonth(t);
      return span(subMonths(thisMonth, 12), subDays(thisMonth, 1));
    }
    case "all_time":
      return [earliest <= today ? earliest : today, today];
  }
}

export function rangeFromDays(startDate: string, endDate: string, timezone: string): ResolvedRange {
  return {
    from: `${startDate} 00:00:00`,
    to: `${endDate} 23:59:59`,
    startDate,
    endDate,
    days: daysBetweenInclusive(startDate, endDate),
    timezone,
  };
}

/** Resolves a preset or custom range against today in the site's timezone. */
export function resolveRange(range: DateRange, { timezone, now, earliest = DEFAULT_EARLIEST }: ResolveOptions): ResolvedRange {
  const today = todayIn(timezone, now);
  const [startDate, endDate] = presetDays(range, today, earliest);
  return rangeFromDays(startDate, endDate, timezone);
}

/** The date grouping a query will run with: "auto" picks one from the range's length; "none" is null. */
export function resolveGrouping(choice: GroupingChoice, days: number): DateGrouping | null {
  if (choice === "none") return null;
  if (choice !== "auto") return choice;
  if (days <= AUTO_HOUR_MAX_DAYS) return "hour";
  if (days <= AUTO_DAY_MAX_DAYS) return "day";
  return "month";
}

const BUCKET_PATTERN = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:[ T](\d{2}))?/;

/**
 * The canonical bucket of a date-grouped row: `YYYY` (year), `YYYY-MM` (month), `YYYY-MM-DD` (day) or
 * `YYYY-MM-DD HH:00:00` (hour), all wall-clock in the site's timezone. Accepts what Fathom (or the
 * simulator) puts in `date` at any of those precisions; null when it is not a date.
 */
export function bucketKey(date: string, grouping: DateGrouping): string | null {
  const match = BUCKET_PATTERN.exec(date.trim());
  if (!match) return null;
  const [, year, month, dayOfMonth, hour] = match;
  if (grouping === "year") return year!;
  if (!month) return null;
  if (grouping === "month") return `${year}-${month}`;
  if (!dayOfMonth) return null;
  if (grouping === "day") return `${year}-${month}-${dayOfMonth}`;
  return `${year}-${month}-${dayOfMonth} ${hour ?? "00"}:00:00`;
}

/** Every bucket of the range, in order, as `bucketKey` writes them; hours follow the site's clock (DST included). */
export function dateBuckets(range: ResolvedRange, grouping: DateGrouping): string[] {
  const buckets: string[] = [];
  if (range.days < 1) return buckets;
  if (grouping === "hour") {
    const [y1, m1, d1] = range.startDate.split("-").map(Number) as [number, number, number];
    const [y2, m2, d2] = range.endDate.split("-").map(Number) as [number, number, number];
    // A compared span that ends within its last day (today so far against yesterday until this hour) stops there.
    const lastHour = / (\d{2}):59:59$/.exec(range.to)?.[1];
    const stop = new TZDate(y2, m2 - 1, d2, lastHour === undefined ? 24 : Number(lastHour) + 1, range.timezone).getTime();
    const seen = new Set<string>();
    for (let at = new TZDate(y1, m1 - 1, d1, range.timezone); at.getTime() < stop; at = addHours(at, 1)) {
      const key = format(at, "yyyy-MM-dd HH:00:00");
      if (!seen.has(key)) buckets.push(key);
      seen.add(key);
    }
    return buckets;
  }
  const last = day(range.endDate);
  if (grouping === "day") {
    for (let at = day(range.startDate); at <= last; at = addDays(at, 1)) buckets.push(ymd(at));
    return buckets;
  }
  const unit = grouping === "month" ? "yyyy-MM" : "yyyy";
  const first = grouping === "month" ? startOfMonth(day(range.startDate)) : startOfYear(day(range.startDate));
  for (let at = first; at <= last; at = addMonths(at, grouping === "month" ? 1 : 12)) buckets.push(format(at, unit));
  return buckets;
}

/** The bucket `now` falls in, in `timezone` (later buckets have not happened yet). */
export function currentBucket(now: Date, timezone: string, grouping: DateGrouping): string {
  return bucketKey(format(new TZDate(now.getTime(), timezone), "yyyy-MM-dd HH:00:00"), grouping)!;
}
