/**
 * Two checks the browser and the server both make on what a person typed: is this a timezone the runtime
 * knows, and does this pattern compile. Kept apart from the Fathom parameter schema so the builder's
 * bundle carries them without the schema. Isomorphic and pure.
 */

/** True when the runtime knows this IANA timezone name. */
export function isKnownTimezone(timezone: string): boolean {
  const known = timezoneVerdicts.get(timezone);
  if (known !== undefined) return known;
  let verdict: boolean;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: timezone });
    verdict = true;
  } catch {
    verdict = false;
  }
  // Building a formatter costs tens of microseconds and every report asks several times: keep the verdicts
  // (bounded, since a hostile request may name any string).
  if (timezoneVerdicts.size >= MAX_TIMEZONE_VERDICTS) timezoneVerdicts.clear();
  timezoneVerdicts.set(timezone, verdict);
  return verdict;
}
const timezoneVerdicts = new Map<string, boolean>();
const MAX_TIMEZONE_VERDICTS = 1000;

/** The reason a pattern is not a usable regular expression, or null when it compiles. */
export function regexProblem(pattern: string): string | null {
  try {
    new RegExp(pattern);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
