/**
 * How the simulator stores the dimensions of a pageview or an event completion. Every row points at
 * three small tables instead of carrying strings: who the visitor is (place and device), where the
 * visit came from (referrer, UTM tags, keyword, ref) and which page it is on. Filters and groupings are
 * evaluated once per table entry, then applied to rows by id, which is what keeps a year of rows fast.
 */
import type { FilterProperty, GroupableField } from "@/lib/query/fathom-fields";

export const VISITOR_FIELDS = ["country_code", "region", "state", "city", "device_type", "operating_system", "browser"] as const;
export const SOURCE_FIELDS = [
  "referrer_hostname",
  "referrer_pathname",
  "referrer_source",
  "utm_campaign",
  "utm_content",
  "utm_medium",
  "utm_source",
  "utm_term",
  "keyword",
  "ref",
] as const;
export const PAGE_FIELDS = ["hostname", "pathname", "domain"] as const;

export type VisitorField = (typeof VISITOR_FIELDS)[number];
export type SourceField = (typeof SOURCE_FIELDS)[number];
export type PageField = (typeof PAGE_FIELDS)[number];
export type DimensionField = GroupableField | FilterProperty;
export type TableName = "visitor" | "source" | "page";

const OWNER = new Map<string, { table: TableName; column: number }>([
  ...VISITOR_FIELDS.map((field, column) => [field, { table: "visitor" as const, column }] as const),
  ...SOURCE_FIELDS.map((field, column) => [field, { table: "source" as const, column }] as const),
  ...PAGE_FIELDS.map((field, column) => [field, { table: "page" as const, column }] as const),
]);

/** The table and column that hold a dimension. */
export function locate(field: DimensionField): { table: TableName; column: number } {
  const owner = OWNER.get(field);
  if (!owner) throw new Error(`Unknown dimension ${field}`);
  return owner;
}

/** An append-only table of distinct value tuples; ids are dense and never change. */
export class DimensionTable {
  readonly columns: string[][];
  private readonly ids = new Map<string, number>();

  constructor(readonly fields: readonly string[]) {
    this.columns = fields.map(() => []);
  }

  get size(): number {
    return this.columns[0]?.length ?? 0;
  }

  /** The id of this tuple of values (in `fields` order), adding it when new. */
  intern(values: readonly string[]): number {
    const key = values.join("\u0001");
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const id = this.size;
    this.fields.forEach((_, column) => this.columns[column]!.push(values[column] ?? ""));
    this.ids.set(key, id);
    return id;
  }

  value(column: number, id: number): string {
    return this.columns[column]?.[id] ?? "";
  }
}

export type DimensionTables = Record<TableName, DimensionTable>;

export function createTables(): DimensionTables {
  return {
    visitor: new DimensionTable(VISITOR_FIELDS),
    source: new DimensionTable(SOURCE_FIELDS),
    page: new DimensionTable(PAGE_FIELDS),
  };
}
