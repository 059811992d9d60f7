/**
 * A report query as it is kept (saved reports, dashboard tiles, shares) and as it is read back.
 *
 * Stored, a query is its canonical JSON: every field present in a fixed order, every default written out
 * (`sort` as the order the rows really come in, `limit` and `event` as null when there are none), and the
 * version of the report format it was written in. So a saved report never changes meaning when a default
 * changes: only an upgrade step can change what an old query means, and each is written and tested here.
 *
 * Everything that reads a query from outside, a URL of any age or a stored row, passes through
 * `upgradeReportQuery`: the one function that takes a query of any known version to the current one.
 * Isomorphic and pure.
 */
import { z } from "zod";
import { fieldsFromZod } from "@/lib/api/errors";
import {
  REPORT_QUERY_VERSION,
  effectiveSort,
  reportQuerySchema,
  type QueryMessages,
  type ReportQuery,
} from "./report-query";

export type DecodeResult = { ok: true; query: ReportQuery } | { ok: false; errors: QueryMessages };

/**
 * The canonical stored form. Its type comes from the query's own schema: the same fields, with the
 * optional ones written as explicit nulls.
 */
export type StoredReportQuery = Omit<ReportQuery, "event" | "sort" | "limit"> & {
  event: string | null;
  sort: NonNullable<ReportQuery["sort"]> | null;
  limit: number | null;
};

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

/**
 * The canonical form of a query: what is stored, and what two queries are compared by ("has this saved
 * report unsaved changes?"). An event name on a pageview report means nothing and is dropped.
 */
export function canonicalReportQuery(query: ReportQuery): StoredReportQuery {
  return {
    version: query.version,
    site: query.site,
    entity: query.entity,
    event: query.entity === "event" ? (query.event ?? null) : null,
    metrics: [...query.metrics],
    range: query.range.preset === "custom" ? { preset: "custom", from: query.range.from, to: query.range.to } : { preset: query.range.preset },
    grouping: query.grouping,
    by: [...query.by],
    filters: query.filters.map(({ property, operator, value }) => ({ property, operator, value })),
    sort: effectiveSort(query) ?? null,
    limit: query.limit ?? null,
    compare: query.compare,
    chart: query.chart,
  };
}

/** The canonical JSON text of a query, for a database column. */
export function storeReportQuery(query: ReportQuery): string {
  return JSON.stringify(canonicalReportQuery(query));
}

/** Reads a stored query (JSON text from a database column) of any known version. */
export function readStoredReportQuery(json: string): DecodeResult {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, errors: { _: ["This report could not be read: its stored query is not JSON"] } };
  }
  return upgradeReportQuery(value);
}

/** Whether two queries mean the same report (the same canonical form). */
export function sameReportQuery(a: ReportQuery, b: ReportQuery): boolean {
  return storeReportQuery(a) === storeReportQuery(b);
}

/** The stored form's schema, for a route that receives one: a query object of any known version. */
export const storedReportQuerySchema = z.unknown().transform((value, ctx) => {
  const result = upgradeReportQuery(value);
  if (result.ok) return result.query;
  for (const [path, messages] of Object.entries(result.errors)) {
    for (const message of messages) ctx.addIssue({ code: "custom", message, path: path === "_" ? [] : path.split(".") });
  }
  return z.NEVER;
});
