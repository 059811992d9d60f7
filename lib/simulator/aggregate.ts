/**
 * The aggregation engine: Fathom's GET /aggregations computed over column chunks. Filters become one
 * mask per dimension table and groupings one partial key per table, both worked out once per table
 * entry; the scan over rows then only adds up numbers. Definitions of every aggregate are in README.md.
 */
import type { Aggregate, DateGrouping, Entity, GroupableField } from "@/lib/query/fathom-fields";
import type { Chunk } from "./chunk";
import type { SiteData } from "./dataset";
import { locate, type DimensionTable, type DimensionTables, type TableName } from "./dimensions";
import type { CompiledFilter } from "./filters";
import { bucketLabel, hourlyOffsets } from "./time-zone";

export type AggregationQuery = {
  entity: Entity;
  /** For `event`: the event's data key; null means an event without data. */
  eventKey: number | null;
  aggregates: readonly Aggregate[];
  dateGrouping: DateGrouping | null;
  fieldGrouping: readonly GroupableField[];
  filters: readonly CompiledFilter[];
  /** `timestamp`, an aggregate or a grouped field. */
  sort: { field: string; descending: boolean } | null;
  limit: number | null;
  /** Epoch minutes, both inclusive. */
  fromMinute: number;
  toMinute: number;
  timeZone: string;
};

export type AggregationRow = Record<string, string>;

const TABLES: readonly TableName[] = ["visitor", "source", "page"];
const DIRECT_INDEX_LIMIT = 1 << 20;
// Accumulator columns. Pageviews: pageviews, visits, uniques, bounces, duration sum, durations known.
// Events: conversions, unique conversions, value.
const PV = 0, VISITS = 1, UNIQUES = 2, BOUNCES = 3, DURATION = 4, TIMED = 5;
const CONVERSIONS = 0, UNIQUE_CONVERSIONS = 1, VALUE = 2;

function masks(tables: DimensionTables, filters: readonly CompiledFilter[]): Record<TableName, Uint8Array | null> {
  const result: Record<TableName, Uint8Array | null> = { visitor: null, source: null, page: null };
  for (const filter of filters) {
    const { table, column } = locate(filter.property);
    const values = tables[table].columns[column] ?? [];
    const mask = (result[table] ??= new Uint8Array(values.length).fill(1));
    const verdicts = new Map<string, boolean>();
    for (let id = 0; id < values.length; id++) {
      if (!mask[id]) continue;
      const value = values[id] ?? "";
      let verdict = verdicts.get(value);
      if (verdict === undefined) verdicts.set(value, (verdict = filter.test(value)));
      if (!verdict) mask[id] = 0;
    }
  }
  return result;
}

/** Per table entry, a dense id of its values in the grouped fields that table holds. */
function partialKeys(table: DimensionTable, columns: readonly number[]): { keys: Int32Array; count: number } {
  const keys = new Int32Array(table.size);
  if (!columns.length) return { keys, count: 1 };
  const ids = new Map<string, number>();
  for (let id = 0; id < table.size; id++) {
    const key = columns.map((column) => table.value(column, id)).join("\u0001");
    let dense = ids.get(key);
    if (dense === undefined) ids.set(key, (dense = ids.size));
    keys[id] = dense;
  }
  return { keys, count: Math.max(1, ids.size) };
}

type Buckets = { count: number; of: (minute: number) => number; label: (bucket: number) => string };

/** Date buckets in the reporting time zone, numbered densely from the first one the range can touch. */
function dateBuckets(grouping: DateGrouping, zone: string, fromMinute: number, toMinute: number): Buckets {
  const firstHour = Math.floor(fromMinute / 60);
  const offsets = hourlyOffsets(zone, firstHour, Math.floor(toMinute / 60) - firstHour + 1);
  const localOf = (minute: number) => minute + (offsets[Math.floor(minute / 60) - firstHour] ?? 0);
  const minLocal = fromMinute + Math.min(...offsets);
  const maxLocal = toMinute + Math.max(...offsets);
  if (grouping === "hour" || grouping === "day") {
    const size = grouping === "hour" ? 60 : 1440;
    const base = Math.floor(minLocal / size);
    return {
      count: Math.floor(maxLocal / size) - base + 1,
      of: (minute) => Math.floor(localOf(minute) / size) - base,
      label: (bucket) => bucketLabel(grouping, (bucket + base) * size),
    };
  }
  // Months and years: map each local day to its month (year·12 + month) or year.
  const firstDay = Math.floor(minLocal / 1440);
  const days = Math.floor(maxLocal / 1440) - firstDay + 1;
  const periodOfDay = new Int32Array(days);
  for (let d = 0; d < days; d++) {
    const date = new Date((firstDay + d) * 86_400_000);
    periodOfDay[d] = grouping === "month" ? date.getUTCFullYear() * 12 + date.getUTCMonth() : date.getUTCFullYear();
  }
  const base = periodOfDay[0] ?? 0;
  return {
    count: (periodOfDay[days - 1] ?? base) - base + 1,
    of: (minute) => (periodOfDay[Math.floor(localOf(minute) / 1440) - firstDay] ?? base) - base,
    label: (bucket) => {
      const period = bucket + base;
      return grouping === "year" ? String(period) : `${Math.floor(period / 12)}-${String((period % 12) + 1).padStart(2, "0")}`;
    },
  };
}

/** Groups found so far: their key, one representative row, and their running sums. */
class Groups {
  private readonly direct: Int32Array | null;
  private readonly byKey = new Map<number, number>();
  readonly sums: Float64Array[];
  readonly representative: Array<[bucket: number, visitor: number, source: number, page: number]> = [];

  constructor(space: number, columns: number) {
    this.direct = space <= DIRECT_INDEX_LIMIT ? new Int32Array(space).fill(-1) : null;
    this.sums = Array.from({ length: columns }, () => new Float64Array(64));
  }

  get size(): number {
    return this.representative.length;
  }

  slot(key: number, bucket: number, visitor: number, source: number, page: number): number {
    const known = this.direct ? (this.direct[key] ?? -1) : (this.byKey.get(key) ?? -1);
    if (known >= 0) return known;
    const slot = this.representative.length;
    if (this.direct) this.direct[key] = slot;
    else this.byKey.set(key, slot);
    this.representative.push([bucket, visitor, source, page]);
    if (slot >= (this.sums[0]?.length ?? 0)) {
      for (let c = 0; c < this.sums.length; c++) {
        const grown = new Float64Array(slot * 2);
        grown.set(this.sums[c]!);
        this.sums[c] = grown;
      }
    }
    return slot;
  }
}

export function aggregate(data: SiteData, query: AggregationQuery): AggregationRow[] {
  const { fromMinute: from, toMinute: to } = query;
  const isEvent = query.entity === "event";
  if ((isEvent && query.eventKey === null) || from > to) return finish(query, null, null, data.tables);
  // Generate first: making chunks may add table entries, which masks and keys must cover.
  const chunks = data.chunksBetween(from, to);
  const { tables } = data;
  const mask = masks(tables, query.filters);
  const columnsOf = (table: TableName) => query.fieldGrouping.map(locate).filter((f) => f.table === table).map((f) => f.column);
  const [kv, ks, kp] = TABLES.map((table) => partialKeys(tables[table], columnsOf(table))) as [
    ReturnType<typeof partialKeys>,
    ReturnType<typeof partialKeys>,
    ReturnType<typeof partialKeys>,
  ];
  const buckets = query.dateGrouping ? dateBuckets(query.dateGrouping, query.timeZone, from, to) : null;
  const groups = new Groups((buckets?.count ?? 1) * kv.count * ks.count * kp.count, isEvent ? 3 : 6);
  const scan = isEvent ? scanEvents : scanPageviews;
  for (const chunk of chunks) scan(chunk, query, mask, kv, ks, kp, buckets, groups);
  return finish(query, groups, buckets, tables);
}

type Keys = { keys: Int32Array; count: number };
type Masks = Record<TableName, Uint8Array | null>;

function scanPageviews(chunk: Chunk, query: AggregationQuery, mask: Masks, kv: Keys, ks: Keys, kp: Keys, buckets: Buckets | null, groups: Groups) {
  const { length, minute, visitor, source, page, flags, duration } = chunk.pageviews;
  const { fromMinute: from, toMinute: to } = query;
  const { visitor: vm, source: sm, page: pm } = mask;
  for (let i = 0; i < length; i++) {
    const m = minute[i]!;
    if (m < from || m > to) continue;
    const v = visitor[i]!;
    const s = source[i]!;
    const p = page[i]!;
    if ((vm !== null && vm[v] === 0) || (sm !== null && sm[s] === 0) || (pm !== null && pm[p] === 0)) continue;
    const b = buckets ? buckets.of(m) : 0;
    const slot = groups.slot(((b * kv.count + kv.keys[v]!) * ks.count + ks.keys[s]!) * kp.count + kp.keys[p]!, b, v, s, p);
    const f = flags[i]!;
    const d = duration[i]!;
    const sums = groups.sums;
    sums[PV]![slot]! += 1;
    sums[VISITS]![slot]! += f & 1;
    sums[UNIQUES]![slot]! += (f >> 1) & 1;
    sums[BOUNCES]![slot]! += (f >> 2) & 1;
    sums[DURATION]![slot]! += d;
    sums[TIMED]![slot]! += d > 0 ? 1 : 0;
  }
}

function scanEvents(chunk: Chunk, query: AggregationQuery, mask: Masks, kv: Keys, ks: Keys, kp: Keys, buckets: Buckets | null, groups: Groups) {
  const { length, minute, visitor, source, page, event, flags, value } = chunk.events;
  const { fromMinute: from, toMinute: to, eventKey } = query;
  const { visitor: vm, source: sm, page: pm } = mask;
  for (let i = 0; i < length; i++) {
    const m = minute[i]!;
    if (m < from || m > to || event[i] !== eventKey) continue;
    const v = visitor[i]!;
    const s = source[i]!;
    const p = page[i]!;
    if ((vm !== null && vm[v] === 0) || (sm !== null && sm[s] === 0) || (pm !== null && pm[p] === 0)) continue;
    const b = buckets ? buckets.of(m) : 0;
    const slot = groups.slot(((b * kv.count + kv.keys[v]!) * ks.count + ks.keys[s]!) * kp.count + kp.keys[p]!, b, v, s, p);
    const sums = groups.sums;
    sums[CONVERSIONS]![slot]! += 1;
    sums[UNIQUE_CONVERSIONS]![slot]! += (flags[i]! >> 1) & 1;
    sums[VALUE]![slot]! += value[i]!;
  }
}

/** The value of an aggregate for a group, unrounded. */
function measure(aggregate: Aggregate, sums: Float64Array[], slot: number): number {
  const at = (column: number) => sums[column]?.[slot] ?? 0;
  switch (aggregate) {
    case "pageviews":
      return at(PV);
    case "visits":
      return at(VISITS);
    case "uniques":
      return at(UNIQUES);
    case "bounce_rate":
      return at(VISITS) ? at(BOUNCES) / at(VISITS) : 0;
    case "avg_duration":
      return at(TIMED) ? at(DURATION) / at(TIMED) : 0;
    case "conversions":
      return at(CONVERSIONS);
    case "unique_conversions":
      return at(UNIQUE_CONVERSIONS);
    case "value":
      return at(VALUE);
  }
}

/** Every number as a string, as Fathom answers: counts whole, bounce_rate to 4 places, avg_duration to 2. */
export function formatAggregate(aggregate: Aggregate, value: number): string {
  if (aggregate === "bounce_rate") return String(Math.round(value * 10_000) / 10_000);
  if (aggregate === "avg_duration") return String(Math.round(value * 100) / 100);
  return String(Math.round(value));
}

function finish(query: AggregationQuery, groups: Groups | null, buckets: Buckets | null, tables: DimensionTables): AggregationRow[] {
  const grouped = query.dateGrouping !== null || query.fieldGrouping.length > 0;
  if (!groups || groups.size === 0) {
    // Like SQL: an aggregate without GROUP BY answers one row of zeros; grouped, no rows at all.
    return grouped ? [] : [Object.fromEntries(query.aggregates.map((a) => [a, formatAggregate(a, 0)]))];
  }
  const located = query.fieldGrouping.map((field) => ({ field, ...locate(field) }));
  const rows = groups.representative.map(([bucket, visitor, source, page], slot) => {
    const ids: Record<TableName, number> = { visitor, source, page };
    const fields = located.map(({ table, column }) => tables[table].value(column, ids[table]));
    const values = query.aggregates.map((aggregate) => measure(aggregate, groups.sums, slot));
    return { bucket, fields, values };
  });
  type Row = (typeof rows)[number];
  const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const byDefault = (a: Row, b: Row) =>
    a.bucket - b.bucket || (b.values[0] ?? 0) - (a.values[0] ?? 0) || compareText(a.fields.join("\u0001"), b.fields.join("\u0001"));
  let compare = byDefault;
  if (query.sort) {
    const { field, descending } = query.sort;
    const sign = descending ? -1 : 1;
    const aggregateIndex = query.aggregates.indexOf(field as Aggregate);
    const fieldIndex = query.fieldGrouping.indexOf(field as GroupableField);
    const primary =
      field === "timestamp"
        ? (a: Row, b: Row) => a.bucket - b.bucket
        : aggregateIndex >= 0
          ? (a: Row, b: Row) => (a.values[aggregateIndex] ?? 0) - (b.values[aggregateIndex] ?? 0)
          : (a: Row, b: Row) => compareText(a.fields[fieldIndex] ?? "", b.fields[fieldIndex] ?? "");
    compare = (a, b) => sign * primary(a, b) || byDefault(a, b);
  }
  rows.sort(compare);
  const limited = query.limit !== null ? rows.slice(0, query.limit) : rows;
  return limited.map((row) => {
    const out: AggregationRow = {};
    located.forEach(({ field }, i) => (out[field] = row.fields[i] ?? ""));
    if (buckets && query.dateGrouping) out.date = buckets.label(row.bucket);
    query.aggregates.forEach((aggregate, i) => (out[aggregate] = formatAggregate(aggregate, row.values[i] ?? 0)));
    return out;
  });
}
