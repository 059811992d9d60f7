import "server-only";
import { isValidTimezone, todayIn } from "@/lib/query/resolve-range";

/** How long an answer stays fresh, and whether it is worth keeping across a restart. */
export type Freshness = { ttlMs: number; persist: boolean };

/**
 * Used when the site's timezone is unknown or invalid: UTC−12 is the last zone to reach any date, so a
 * period that ended before today there has ended before today everywhere.
 */
const LAST_TIMEZONE = "Etc/GMT+12";

/** Today's date (`YYYY-MM-DD`) in the site's timezone; an unknown or missing one counts as the last to reach it. */
function siteToday(timeZone: string | undefined, now: number): string {
  return todayIn(timeZone && isValidTimezone(timeZone) ? timeZone : LAST_TIMEZONE, new Date(now));
}

/**
 * True when a period ending at `dateTo` (Fathom's `YYYY-MM-DD HH:mm:ss`, in the site's timezone) ended
 * before today there, so its figures can no longer change. A missing `dateTo` means "until now": open.
 */
export function isClosedPeriod(dateTo: string | undefined, timeZone: string | undefined, now: number): boolean {
  if (!dateTo || !/^\d{4}-\d{2}-\d{2}/.test(dateTo)) return false;
  return dateTo.slice(0, 10) < siteToday(timeZone, now);
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
