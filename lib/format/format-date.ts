/**
 * Dates for display, always in the site's timezone. Date buckets (`2024-01-15`, `2024-01-15 13:00:00`,
 * `2024-01`, `2024`) are already wall-clock times in the site's timezone, so they are formatted as they
 * read, never shifted by the browser's timezone. Instants (ISO strings such as `meta.fetchedAt`) are
 * shown in the timezone given. Isomorphic.
 */
import type { DateGrouping } from "@/lib/query/fathom-fields";
import { DEFAULT_LOCALE, NO_VALUE } from "./format-number";

const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, format);
  }
  return format;
}

/** A wall-clock bucket as a UTC instant with the same fields (formatted back in UTC, it reads the same). */
function wallClock(bucket: string): Date | null {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:[ T](\d{2})(?::(\d{2}))?)?/.exec(bucket);
  if (!match) return null;
  const [, y, m = "01", d = "01", h = "00", min = "00"] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), Number(h), Number(min)));
  return Number.isNaN(date.getTime()) ? null : date;
}

export type BucketStyle = "axis" | "full";

const BUCKET_OPTIONS: Record<DateGrouping, Record<BucketStyle, Intl.DateTimeFormatOptions>> = {
  hour: {
    axis: { month: "short", day: "numeric", hour: "numeric" },
    full: { weekday: "short", year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" },
  },
  day: {
    axis: { month: "short", day: "numeric" },
    full: { weekday: "short", year: "numeric", month: "short", day: "numeric" },
  },
  month: {
    axis: { month: "short", year: "numeric" },
    full: { month: "long", year: "numeric" },
  },
  year: {
    axis: { year: "numeric" },
    full: { year: "numeric" },
  },
};

/**
 * A date bucket for an axis (`May 15`, `May 15, 1 PM`, `Jan 2024`, `2024`) or a tooltip/table
 * (`Wed, May 15, 2024`, `Wed, May 15, 2024, 1:00 PM`, `January 2024`, `2024`).
 */
export function formatBucket(bucket: string, grouping: DateGrouping, style: BucketStyle = "full", locale = DEFAULT_LOCALE): string {
  const date = wallClock(bucket);
  if (!date) return bucket || NO_VALUE;
  return dateFormat(locale, { ...BUCKET_OPTIONS[grouping][style], timeZone: "UTC" }).format(date);
}

/** A calendar range: `Apr 16 – May 15, 2024`, or one day `May 15, 2024`. */
export function formatDateRange(startDate: string, endDate: string, locale = DEFAULT_LOCALE): string {
  const start = wallClock(startDate);
  const end = wallClock(endDate);
  if (!start || !end) return NO_VALUE;
  const format = dateFormat(locale, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
  return startDate === endDate ? format.format(start) : format.formatRange(start, end);
}

/**
 * A compared span: its dates, and the hour it stops at when it ends within its last day (today so far is
 * compared with yesterday until this hour): `Oct 1 – 31, 2026`, `Nov 30, 2026, until 6 AM`.
 */
export function formatComparedRange(range: { startDate: string; endDate: string; to: string }, locale = DEFAULT_LOCALE): string {
  const dates = formatDateRange(range.startDate, range.endDate, locale);
  const hour = / (\d{2}):59:59$/.exec(range.to)?.[1];
  if (hour === undefined || hour === "23") return dates;
  const until = new Date(Date.UTC(2000, 0, 1, Number(hour) + 1));
  return `${dates}, until ${dateFormat(locale, { hour: "numeric", timeZone: "UTC" }).format(until)}`;
}

/** An instant in the site's timezone: `May 15, 2024, 12:00 PM`. */
export function formatInstant(iso: string, timezone: string, locale = DEFAULT_LOCALE): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return NO_VALUE;
  try {
    return dateFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: timezone }).format(date);
  } catch {
    return dateFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(date);
  }
}

/** How long ago an instant was, for "updated 3 min ago": `just now`, `3 min ago`, `2 h ago`, `5 days ago`. */
export function formatAgo(iso: string, now: Date): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return NO_VALUE;
  const seconds = Math.max(0, Math.round((now.getTime() - then) / 1000));
  if (seconds < 60) return "just now";
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}
