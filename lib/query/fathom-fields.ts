/**
 * Fathom API v1 vocabulary: the entities, aggregates, groupings and filter operators the aggregation
 * endpoint accepts (shared/fathom-api/reference.md, "Aggregation"). Isomorphic and dependency-free except
 * zod: the query builder, the Fathom client and the simulator all read these lists, so there is one
 * place where Fathom's rules are written down.
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

export const PAGEVIEW_AGGREGATES = ["visits", "uniques", "pageviews", "avg_duration", "bounce_rate"] as const;
export const EVENT_AGGREGATES = ["conversions", "unique_conversions", "value"] as const;
export const aggregateSchema = z.enum([...PAGEVIEW_AGGREGATES, ...EVENT_AGGREGATES]);
export type Aggregate = z.infer<typeof aggregateSchema>;

export const AGGREGATES_BY_ENTITY: Record<Entity, readonly Aggregate[]> = {
  pageview: PAGEVIEW_AGGREGATES,
  event: EVENT_AGGREGATES,
};

export const DATE_GROUPINGS = ["hour", "day", "month", "year"] as const;
export const dateGroupingSchema = z.enum(DATE_GROUPINGS);
export type DateGrouping = z.infer<typeof dateGroupingSchema>;
/** `hour` grouping is only accepted for ranges of at most this many days. */
export const HOURLY_MAX_DAYS = 7;

/** Fields that may appear in `field_grouping`. `keyword` can be grouped but not filtered. */
export const GROUPABLE_FIELDS = [
  "hostname",
  "pathname",
  "referrer_hostname",
  "referrer_pathname",
  "referrer_source",
  "browser",
  "country_code",
  "city",
  "state",
  "region",
  "device_type",
  "operating_system",
  "utm_campaign",
  "utm_content",
  "utm_medium",
  "utm_source",
  "utm_term",
  "keyword",
  "ref",
] as const;
export const groupableFieldSchema = z.enum(GROUPABLE_FIELDS);
export type GroupableField = z.infer<typeof groupableFieldSchema>;

export const FILTER_OPERATORS = ["is", "is not", "is like", "is not like", "matching", "not matching"] as const;
export const filterOperatorSchema = z.enum(FILTER_OPERATORS);
export type FilterOperator = z.infer<typeof filterOperatorSchema>;

/** Text-style properties: all six operators. `domain` can be filtered but not grouped. */
export const TEXT_FILTER_PROPERTIES = [
  "domain",
  "hostname",
  "pathname",
  "referrer_hostname",
  "referrer_pathname",
  "referrer_source",
  "ref",
  "utm_campaign",
  "utm_source",
  "utm_medium",
  "utm_content",
  "utm_term",
] as const;
/** Categorical properties: only `is` and `is not`. */
export const CATEGORICAL_FILTER_PROPERTIES = [
  "device_type",
  "operating_system",
  "browser",
  "country_code",
  "city",
  "state",
  "region",
] as const;
export const filterPropertySchema = z.enum([...TEXT_FILTER_PROPERTIES, ...CATEGORICAL_FILTER_PROPERTIES]);
export type FilterProperty = z.infer<typeof filterPropertySchema>;

const CATEGORICAL_OPERATORS: readonly FilterOperator[] = ["is", "is not"];

/** The operators Fathom accepts on a property. */
export function operatorsFor(property: FilterProperty): readonly FilterOperator[] {
  return (CATEGORICAL_FILTER_PROPERTIES as readonly string[]).includes(property)
    ? CATEGORICAL_OPERATORS
    : FILTER_OPERATORS;
}

/** One filter as Fathom takes it: every value is a string. */
export const fathomFilterSchema = z.object({
  property: filterPropertySchema,
  operator: filterOperatorSchema,
  value: z.string(),
});
export type FathomFilter = z.infer<typeof fathomFilterSchema>;

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
export const LIST_LIMIT_MAX = 100;
