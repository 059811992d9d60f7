/**
 * The one way in for a report query written in any version of the report format: a stored row's JSON or
 * the candidate a URL decodes to (url-codec.ts) is brought to the current version, step by step, then
 * validated with the report schema. Isomorphic and pure; small, since the builder's bundle carries it.
 */
import { fieldsFromZod } from "@/lib/api/errors";
import { REPORT_QUERY_VERSION, reportQuerySchema, type QueryMessages, type ReportQuery } from "./report-query";

export type DecodeResult = { ok: true; query: ReportQuery } | { ok: false; errors: QueryMessages };

/**
 * Upgrade steps: `UPGRADES[n]` takes a query written in version n to version n + 1 (a plain object, before
 * validation). Version 1 is the first versioned format, and every URL written before versions existed
 * (no `v`) is a version 1 URL, so there is no step yet. Add one here with each version bump.
 */
export const UPGRADES: Readonly<Record<number, (query: Record<string, unknown>) => Record<string, unknown>>> = {};

/** The version a candidate says it was written in; a missing version is the first. */
function versionOf(raw: Record<string, unknown>): number | null {
  const version = raw.version ?? 1;
  return typeof version === "number" && Number.isInteger(version) && version >= 1 ? version : null;
}

type Upgraded = { ok: true; raw: Record<string, unknown> } | { ok: false; errors: QueryMessages };

/**
 * The upgrade chain alone: runs each step from the candidate's version to `current`, in order, and says
 * so when a version is newer than this Sounding knows (never guessed at) or a step is missing (never
 * skipped). `steps` and `current` are parameters so the chain itself can be tested.
 */
export function upgradeRaw(input: unknown, steps: typeof UPGRADES = UPGRADES, current = REPORT_QUERY_VERSION): Upgraded {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { ok: false, errors: { _: ["This report could not be read: it is not a report query"] } };
  }
  let raw = input as Record<string, unknown>;
  const version = versionOf(raw);
  if (version === null) return { ok: false, errors: { version: ["This report names no version of the report format Sounding can read"] } };
  if (version > current) {
    return {
      ok: false,
      errors: { version: [`This report was written by a newer Sounding (report format ${version}; this one reads up to ${current}). Update Sounding to open it.`] },
    };
  }
  for (let at = version; at < current; at++) {
    const step = steps[at];
    if (!step) return { ok: false, errors: { version: [`Sounding cannot upgrade a report of format ${at}`] } };
    raw = { ...step(raw), version: at + 1 };
  }
  return { ok: true, raw: { ...raw, version: current } };
}

/**
 * Takes a query of any known version (a stored row's JSON, or the candidate a URL decodes to) to the
 * current version and validates it with the report schema.
 */
export function upgradeReportQuery(input: unknown): DecodeResult {
  const upgraded = upgradeRaw(input);
  if (!upgraded.ok) return upgraded;
  // Stored rows write "none" as null; the schema's optional fields read it as absent.
  const candidate = Object.fromEntries(Object.entries(upgraded.raw).filter(([, value]) => value !== null));
  const parsed = reportQuerySchema.safeParse(candidate);
  return parsed.success ? { ok: true, query: parsed.data } : { ok: false, errors: fieldsFromZod(parsed.error) };
}
