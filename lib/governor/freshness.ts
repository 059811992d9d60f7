import "server-only";
import { endedBeforeToday } from "@/lib/query/resolve-range";

/** How long an answer stays fresh, and whether it is worth keeping across a restart. */
export type Freshness = { ttlMs: number; persist: boolean };

/**
 * True when a period ending at `dateTo` (Fathom's `YYYY-MM-DD HH:mm:ss`, in the site's timezone) ended
 * before today there (lib/query's one rule), so its figures can no longer change. A missing `dateTo` means
 * "until now": open.
 */
export function isClosedPeriod(dateTo: string | undefined, timeZone: string | undefined, now: number): boolean {
  if (!dateTo || !/^\d{4}-\d{2}-\d{2}/.test(dateTo)) return false;
  return endedBeforeToday(dateTo.slice(0, 10), timeZone, new Date(now));
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
