import "server-only";

/** How long an answer stays fresh, and whether it is worth keeping across a restart. */
export type Freshness = { ttlMs: number; persist: boolean };

/**
 * Used when the site's timezone is unknown or invalid: UTC−12 is the last zone to reach any date, so a
 * period that ended before today there has ended before today everywhere.
 */
const LAST_TIMEZONE = "Etc/GMT+12";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    } catch {
      return null;
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Today's date (`YYYY-MM-DD`) in a timezone; an unknown timezone counts as the last one to reach it. */
export function todayIn(timeZone: string | undefined, now: number): string {
  const formatter = (timeZone && formatterFor(timeZone)) || formatterFor(LAST_TIMEZONE)!;
  const parts = Object.fromEntries(formatter.formatToParts(new Date(now)).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/**
 * True when a period ending at `dateTo` (Fathom's `YYYY-MM-DD HH:mm:ss`, in the site's timezone) ended
 * before today there, so its figures can no longer change. A missing `dateTo` means "until now": open.
 */
export function isClosedPeriod(dateTo: string | undefined, timeZone: string | undefined, now: number): boolean {
  if (!dateTo || !/^\d{4}-\d{2}-\d{2}/.test(dateTo)) return false;
  return dateTo.slice(0, 10) < todayIn(timeZone, now);
}

export type PeriodFreshnessInput = {
  dateTo: string | undefined;
  timeZone: string | undefined;
  now: number;
  closedPeriodSeconds: number;
  openPeriodSeconds: number;
};

/** A closed period is kept long and persisted; a period touching today only briefly, in memory. */
export function periodFreshness({ dateTo, timeZone, now, closedPeriodSeconds, openPeriodSeconds }: PeriodFreshnessInput): Freshness {
  return isClosedPeriod(dateTo, timeZone, now)
    ? { ttlMs: closedPeriodSeconds * 1000, persist: true }
    : { ttlMs: openPeriodSeconds * 1000, persist: false };
}
