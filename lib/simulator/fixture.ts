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
