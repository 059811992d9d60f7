/**
 * A tiny, hand-written dataset for tests: rows given with their dimensions as plain strings and times
 * in UTC, stored the same way generated data is, so the engine cannot tell the difference.
 */
import { ChunkBuilder, FLAG_BOUNCE, FLAG_UNIQUE, FLAG_VISIT, type Chunk } from "./chunk";
import type { SiteData } from "./dataset";
import { createTables, PAGE_FIELDS, SOURCE_FIELDS, VISITOR_FIELDS, type DimensionTables } from "./dimensions";
import { domainOf } from "./generator";

type Dimensions = Partial<Record<(typeof VISITOR_FIELDS)[number] | (typeof SOURCE_FIELDS)[number] | "hostname" | "pathname", string>>;

export type FixturePageview = Dimensions & {
  /** `YYYY-MM-DD HH:mm`, UTC. */
  at: string;
  visit?: boolean;
  bounce?: boolean;
  /** Defaults to true. */
  unique?: boolean;
  duration?: number;
};

export type FixtureEvent = Dimensions & { at: string; event: number; unique?: boolean; value?: number };

export function epochMinute(utc: string): number {
  return Date.parse(`${utc.replace(" ", "T")}:00Z`) / 60_000;
}

function ids(tables: DimensionTables, row: Dimensions) {
  const hostname = row.hostname ?? "example.com";
  return {
    visitor: tables.visitor.intern(VISITOR_FIELDS.map((field) => row[field] ?? "")),
    source: tables.source.intern(SOURCE_FIELDS.map((field) => row[field] ?? "")),
    page: tables.page.intern(PAGE_FIELDS.map((field) => (field === "domain" ? domainOf(hostname) : field === "hostname" ? hostname : (row.pathname ?? "/")))),
  };
}

export function fixedSiteData(pageviews: readonly FixturePageview[], events: readonly FixtureEvent[] = []): SiteData {
  const tables = createTables();
  const builder = new ChunkBuilder();
  for (const row of pageviews) {
    const { visitor, source, page } = ids(tables, row);
    const flags = (row.visit ? FLAG_VISIT : 0) | (row.bounce ? FLAG_BOUNCE : 0) | (row.unique === false ? 0 : FLAG_UNIQUE);
    builder.addPageview(epochMinute(row.at), visitor, source, page, flags, row.duration ?? 0);
  }
  for (const row of events) {
    const { visitor, source, page } = ids(tables, row);
    builder.addEvent(epochMinute(row.at), visitor, source, page, row.event, row.unique === false ? 0 : FLAG_UNIQUE, row.value ?? 0);
  }
  const chunk: Chunk = builder.build();
  return { tables, chunksBetween: () => [chunk] };
}

/** Calls a simulator the way a client would; answers the status, headers and parsed JSON body. */
export async function call(
  simulator: { handle(request: Request): Promise<Response> },
  method: string,
  path: string,
  options: { body?: unknown; token?: string | null } = {},
  // Tests read arbitrary answer shapes; `any` keeps them short, and they assert every value they read.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<{ status: number; headers: Headers; body: any }> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (options.token !== null) headers.Authorization = `Bearer ${options.token ?? "sim-token"}`;
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  const response = await simulator.handle(
    new Request(`https://api.usefathom.test${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) }),
  );
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** `/v1/aggregations?…` from plain parameters (filters as objects). */
export function aggregationPath(params: Record<string, string | number | object[] | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) query.set(key, typeof value === "object" ? JSON.stringify(value) : String(value));
  }
  return `/v1/aggregations?${query}`;
}
