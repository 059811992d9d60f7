/**
 * Fathom's vocabulary, written down once (shared/fathom-api/reference.md, "Aggregation"): the entities,
 * each aggregate with the entity it belongs to and how a reader sees it, each field with whether it can be
 * grouped and how it can be filtered, the filter operators, and the cross-field rules (which metrics an
 * entity has, which operators a field takes, what a report can be sorted by, how long an hourly range may
 * be). The report schema, the Fathom client's parameter check, the builder's choices, the simulator and
 * every label read these; nothing restates them. Isomorphic; depends on zod only.
 */
import { z } from "zod";

/**
 * The shape of every Fathom id (sites `CDBUGS`, events `ABCDEFGH`, milestones UUIDs): letters, digits, `-` and
 * `_`. Checked exactly, never trimmed, so an id can never be `.`, `..` or anything else that changes a URL path.
 */
export const FATHOM_ID_PATTERN = /^[A-Za-z0-9_-]{1,255}$/;

export const ENTITIES = ["pageview", "event"] as const;
export const entitySchema = z.enum(ENTITIES);
export type Entity = z.infer<typeof entitySchema>;

const ENTITY_LABELS: Record<Entity, string> = { pageview: "Pageviews", event: "Events" };

/** What a report is about, as the builder offers it: "Pageviews" or "Events". */
export function entityLabel(entity: Entity): string {
  return ENTITY_LABELS[entity];
}

/** How a metric's number is shown (see lib/format/format-metric.ts). */
export type MetricFormat = "count" | "duration" | "percent" | "money";

export type MetricInfo = {
  entity: Entity;
  label: string;
  description: string;
  format: MetricFormat;
  /** Whether a higher value is good news (colours the change against the comparison period). */
  upIsGood: boolean;
  /** Whether a total may be computed by adding rows up. Uniques, visits and ratios never can. */
  additive: boolean;
};

/** Every aggregate, in the order the builder lists them. */
const METRICS = {
  visits: {
    entity: "pageview",
    label: "Visits",
    description: "Sessions on the site: a person arriving, however many pages they then view.",
    format: "count",
    upIsGood: true,
    additive: false,
  },
  uniques: {
    entity: "pageview",
    label: "Unique visitors",
    description: "People who viewed a page, each counted once per page in the period.",
    format: "count",
    upIsGood: true,
    additive: false,
  },
  pageviews: {
    entity: "pageview",
    label: "Pageviews",
    description: "Every page loaded, including repeat views by the same person.",
    format: "count",
    upIsGood: true,
    additive: true,
  },
  avg_duration: { entity: "pageview", label: "Avg. time on site", description: "How long a visit lasts on average.", format: "duration", upIsGood: true, additive: false },
  bounce_rate: {
    entity: "pageview",
    label: "Bounce rate",
    description: "The share of visits that viewed one page and left. Lower is better.",
    format: "percent",
    upIsGood: false,
    additive: false,
  },
  conversions: { entity: "event", label: "Completions", description: "Every time the event happened.", format: "count", upIsGood: true, additive: true },
  unique_conversions: {
    entity: "event",
    label: "Unique completions",
    description: "People who completed the event, each counted once.",
    format: "count",
    upIsGood: true,
    additive: false,
  },
  value: {
    entity: "event",
    label: "Value",
    description: "The total value attached to the event's completions, in the event's currency.",
    format: "money",
    upIsGood: true,
    additive: true,
  },
} as const satisfies Record<string, MetricInfo>;

export type Aggregate = keyof typeof METRICS;
export const AGGREGATES = Object.keys(METRICS) as [Aggregate, ...Aggregate[]];
export const aggregateSchema = z.enum(AGGREGATES);

export const AGGREGATES_BY_ENTITY: Record<Entity, readonly Aggregate[]> = {
  pageview: AGGREGATES.filter((metric) => METRICS[metric].entity === "pageview"),
  event: AGGREGATES.filter((metric) => METRICS[metric].entity === "event"),
};

export function metricInfo(metric: Aggregate): MetricInfo {
  return METRICS[metric];
}

export function metricLabel(metric: Aggregate): string {
  return METRICS[metric].label;
}

/** The first metric of `metrics` that `entity` does not have, or undefined when all belong to it. */
export function foreignMetric(entity: Entity, metrics: readonly Aggregate[]): Aggregate | undefined {
  return metrics.find((metric) => METRICS[metric].entity !== entity);
}

export const FILTER_OPERATORS = ["is", "is not", "is like", "is not like", "matching", "not matching"] as const;
export const filterOperatorSchema = z.enum(FILTER_OPERATORS);
export type FilterOperator = z.infer<typeof filterOperatorSchema>;

const OPERATOR_LABELS: Record<FilterOperator, string> = {
  is: "is",
  "is not": "is not",
  "is like": "contains",
  "is not like": "does not contain",
  matching: "matches pattern",
  "not matching": "does not match pattern",
};

export function operatorLabel(operator: FilterOperator): string {
  return OPERATOR_LABELS[operator];
}

/** `matching` and `not matching` take a regular expression. */
export function isPatternOperator(operator: FilterOperator): boolean {
  return operator === "matching" || operator === "not matching";
}

/** How a field can be filtered: `text` takes all six operators, `categorical` only `is` / `is not`. */
type FilterKind = "text" | "categorical" | null;
type FieldInfo = { label: string; groupable: boolean; filter: FilterKind };

/** Every field, in Fathom's order. `domain` can be filtered but not grouped; `keyword` grouped but not filtered. */
const FIELDS = {
  domain: { label: "Domain", groupable: false, filter: "text" },
  hostname: { label: "Hostname", groupable: true, filter: "text" },
  pathname: { label: "Page", groupable: true, filter: "text" },
  referrer_hostname: { label: "Referrer host", groupable: true, filter: "text" },
  referrer_pathname: { label: "Referrer path", groupable: true, filter: "text" },
  referrer_source: { label: "Referrer", groupable: true, filter: "text" },
  browser: { label: "Browser", groupable: true, filter: "categorical" },
  country_code: { label: "Country", groupable: true, filter: "categorical" },
  city: { label: "City", groupable: true, filter: "categorical" },
  state: { label: "State", groupable: true, filter: "categorical" },
  region: { label: "Region", groupable: true, filter: "categorical" },
  device_type: { label: "Device", groupable: true, filter: "categorical" },
  operating_system: { label: "Operating system", groupable: true, filter: "categorical" },
  utm_campaign: { label: "UTM campaign", groupable: true, filter: "text" },
  utm_content: { label: "UTM content", groupable: true, filter: "text" },
  utm_medium: { label: "UTM medium", groupable: true, filter: "text" },
  utm_source: { label: "UTM source", groupable: true, filter: "text" },
  utm_term: { label: "UTM term", groupable: true, filter: "text" },
  keyword: { label: "Keyword", groupable: true, filter: null },
  ref: { label: "Ref", groupable: true, filter: "text" },
} as const satisfies Record<string, FieldInfo>;

type Field = keyof typeof FIELDS;
/** Fields that may appear in `field_grouping`. */
export type GroupableField = { [K in Field]: (typeof FIELDS)[K]["groupable"] extends true ? K : never }[Field];
/** Fields a filter may name. */
export type FilterProperty = { [K in Field]: (typeof FIELDS)[K]["filter"] extends null ? never : K }[Field];

function fieldsWhere<K extends Field>(test: (info: FieldInfo) => boolean): readonly [K, ...K[]] {
  return (Object.keys(FIELDS) as Field[]).filter((field) => test(FIELDS[field])) as unknown as readonly [K, ...K[]];
}

export const GROUPABLE_FIELDS = fieldsWhere<GroupableField>((info) => info.groupable);
export const groupableFieldSchema = z.enum(GROUPABLE_FIELDS);
export const FILTER_PROPERTIES = fieldsWhere<FilterProperty>((info) => info.filter !== null);
export const filterPropertySchema = z.enum(FILTER_PROPERTIES);

export function fieldLabel(field: GroupableField | FilterProperty): string {
  return FIELDS[field].label;
}

const CATEGORICAL_OPERATORS: readonly FilterOperator[] = ["is", "is not"];

/** The operators Fathom accepts on a property. */
export function operatorsFor(property: FilterProperty): readonly FilterOperator[] {
  return FIELDS[property].filter === "categorical" ? CATEGORICAL_OPERATORS : FILTER_OPERATORS;
}

/** One filter as Fathom takes it: every value is a string. */
export const fathomFilterSchema = z.object({
  property: filterPropertySchema,
  operator: filterOperatorSchema,
  value: z.string(),
});
export type FathomFilter = z.infer<typeof fathomFilterSchema>;

export const DATE_GROUPINGS = ["hour", "day", "month", "year"] as const;
export const dateGroupingSchema = z.enum(DATE_GROUPINGS);
export type DateGrouping = z.infer<typeof dateGroupingSchema>;
/** `hour` grouping is only accepted for ranges of at most this many days. */
export const HOURLY_MAX_DAYS = 7;

/** What a report can be sorted by: a chosen metric or grouped field, and the bucket time when grouped by date. */
export type SortField = Aggregate | GroupableField | "timestamp";
export const SORT_FIELDS: readonly [SortField, ...SortField[]] = [...AGGREGATES, ...GROUPABLE_FIELDS, "timestamp"];

/** The sort rule: the fields a report of these metrics and groupings can be sorted by, in the order offered. */
export function sortableFields(report: { metrics: readonly Aggregate[]; by: readonly GroupableField[]; dateGrouped: boolean }): SortField[] {
  return [...report.metrics, ...report.by, ...(report.dateGrouped ? (["timestamp"] as const) : [])];
}

/** A sort field as a reader sees it: the metric's or field's label, or "Date" for the bucket time. */
export function sortFieldLabel(field: SortField): string {
  if (field === "timestamp") return "Date";
  return field in METRICS ? metricLabel(field as Aggregate) : fieldLabel(field as GroupableField);
}

export function isSortable(field: string, report: Parameters<typeof sortableFields>[0]): boolean {
  return (sortableFields(report) as string[]).includes(field);
}

/** Event currencies Fathom knows (Create event, `currency`). */
export const EVENT_CURRENCIES = [
  "dollar",
  "pound",
  "euro",
  "yuan",
  "peso",
  "shekel",
  "yen",
  "won",
  "hryvnia",
  "franc",
  "rupee",
  "integer",
  "none",
] as const;
export const eventCurrencySchema = z.enum(EVENT_CURRENCIES);
export type EventCurrency = z.infer<typeof eventCurrencySchema>;

export const SITE_SHARING = ["none", "private", "public"] as const;
export const MAX_NAME_LENGTH = 255;
export const MAX_MILESTONE_NAME_LENGTH = 30;

/**
 * A text's length as Fathom's validation counts it (PHP's `mb_strlen`): in characters (code points),
 * not UTF-16 units, so "🚀" is one character and a 16-emoji name is 16 of a 30-character limit.
 */
export const fathomLength = (text: string): number => [...text].length;
export const LIST_LIMIT_MAX = 100;
