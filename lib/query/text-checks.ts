/**
 * Two checks the browser and the server both make on what a person typed: is this a timezone the runtime
 * knows, and does this pattern compile. Kept apart from the Fathom parameter schema so the builder's
 * bundle carries them without the schema. Isomorphic and pure.
 */

/** True when the runtime knows this IANA timezone name. */
export function isKnownTimezone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

/** The reason a pattern is not a usable regular expression, or null when it compiles. */
export function regexProblem(pattern: string): string | null {
  try {
    new RegExp(pattern);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
