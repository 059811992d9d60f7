/**
 * A connection URL with its password as `***`: the only form of DATABASE_URL (or any URL with credentials)
 * that may be logged or thrown. Plain, so the e2e helpers can use it too.
 */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(a URL that does not parse)";
  }
}
