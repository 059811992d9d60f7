/**
 * The report query: one zod schema for what a marketer asks of Fathom, shared by the builder, the URL
 * codec, the report route and the saved-report store. Fathom's cross-field rules are refinements with
 * messages attached to the path of the control at fault, so the builder can show each one beside its
 * control. Isomorphic and pure.
 */
import { z } from "zod";
import { fieldsFromZod } from "@/lib/api/errors";
import { regexProblem as compileProblem } from "./text-checks";
import { dateRangeSchema, maxRangeDays } from "./date-presets";
import {
  AGGREGATES_BY_ENTITY,
  FATHOM_ID_PATTERN,
  DATE_GROUPINGS,
  HOURLY_MAX_DAYS,
  fathomLength,
  MAX_NAME_LENGTH,
  SORT_FIELDS,
  aggregateSchema,
  entitySchema,
  fieldLabel,
  filterOperatorSchema,
  filterPropertySchema,
  foreignMetric,
  groupableFieldSchema,
  isPatternOperator,
  isSortable,
  metricInfo,
  operatorLabel,
  operatorsFor,
  type Aggregate,
  type Entity,
} from "./fathom-fields";

/**
 * The version of the report query's meaning. A stored or linked query names the version it was written
 * in; `upgradeReportQuery` (query-upgrade.ts) brings an older one to this. Bump it, and add an upgrade
 * step, whenever a field's meaning or a default changes: a saved report must never change what it shows.
 */
export const REPORT_QUERY_VERSION = 1;

export const GROUPING_CHOICES = ["auto", "none", ...DATE_GROUPINGS] as const;
export const groupingChoiceSchema = z.enum(GROUPING_CHOICES, { error: "Pick a date grouping from the list" });
export type GroupingChoice = z.infer<typeof groupingChoiceSchema>;

export const COMPARISONS = ["none", "previous_period", "previous_period_weekday", "previous_year"] as const;
export const comparisonSchema = z.enum(COMPARISONS, { error: "Compare with the previous period (matching weekdays or not), the previous year, or nothing" });
export type Comparison = z.infer<typeof comparisonSchema>;

export const CHART_KINDS = ["auto", "line", "area", "bar", "table"] as const;
export const chartKindSchema = z.enum(CHART_KINDS, { error: "Pick a chart: automatic, line, area, bars or table" });
export type ChartKind = z.infer<typeof chartKindSchema>;

/** Sortable: any metric or grouped field, or `timestamp` when grouped by date (the vocabulary's sort rule). */
export const sortSchema = z.object({
  field: z.enum(SORT_FIELDS, { error: "Sort by one of the chosen metrics or groupings" }),
  direction: z.enum(["asc", "desc"], { error: "Sort ascending or descending" }),
});
export type ReportSort = z.infer<typeof sortSchema>;

export const MAX_LIMIT = 10_000;
export const MAX_FILTERS = 20;
export const MAX_FILTER_VALUE_LENGTH = 500;

/** No lone UTF-16 surrogates: such text cannot be put in a URL or sent to Fathom. */
function isWellFormed(text: string): boolean {
  return !/\p{Cs}/u.test(text);
}

export const siteIdSchema = z
  .string({ error: "Pick a site" })
  .regex(FATHOM_ID_PATTERN, "Pick a site");

export const reportFilterSchema = z.object({
  property: z.enum(filterPropertySchema.options, {
    error: (issue) =>
      issue.input === "keyword"
        ? "Keyword can be grouped by but not filtered on — group by it instead"
        : "Pick a property to filter on",
  }),
  operator: z.enum(filterOperatorSchema.options, { error: "Pick how to compare: is, is not, contains, matches…" }),
  value: z
    .string({ error: "Type a value to filter on" })
    .regex(/\S/, "Type a value to filter on")
    .refine(isWellFormed, "Remove the unreadable character from the value")
    .max(MAX_FILTER_VALUE_LENGTH, `Keep a filter value under ${MAX_FILTER_VALUE_LENGTH} characters`),
});
export type ReportFilter = z.infer<typeof reportFilterSchema>;

/** The fields of a report query, before Fathom's cross-field rules. */
export const reportQueryShape = z.object({
  version: z.literal(REPORT_QUERY_VERSION, { error: `This report is written for version ${REPORT_QUERY_VERSION} of the report format` }),
  site: siteIdSchema,
  entity: entitySchema,
  /** The event's name; used when `entity` is "event" (kept, but unused, for pageviews). */
  event: z
    .string()
    .regex(/\S/, "Pick an event to report on")
    .refine(isWellFormed, "Remove the unreadable character from the event name")
    .refine((name) => fathomLength(name) <= MAX_NAME_LENGTH, `Event names are at most ${MAX_NAME_LENGTH} characters`)
    .optional(),
  metrics: z.array(aggregateSchema).min(1, "Pick at least one metric"),
  range: dateRangeSchema,
  grouping: groupingChoiceSchema,
  by: z.array(groupableFieldSchema),
  filters: z.array(reportFilterSchema).max(MAX_FILTERS, `Use at most ${MAX_FILTERS} filters`),
  sort: sortSchema.optional(),
  limit: z
    .number()
    .int("The row limit is a whole number")
    .min(1, "Show at least one row")
    .max(MAX_LIMIT, `Show at most ${MAX_LIMIT.toLocaleString("en-US")} rows`)
    .optional(),
  compare: comparisonSchema,
  chart: chartKindSchema,
});

function article(word: string) {
  return /^[aeiou]/i.test(word) ? "an" : "a";
}

function pick<S extends z.ZodType>(schema: S, value: unknown): z.output<S> | undefined {
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}

const looseFilterSchema = z.object({ property: filterPropertySchema, operator: filterOperatorSchema, value: z.string() });

/**
 * Fathom's rules (DESIGN.md), each reported on the path of the control that can fix it. They run even
 * when other fields are broken (each rule reads only the fields it needs, when those parse), so the
 * builder can show every problem at once.
 */
function checkFathomRules(input: unknown, ctx: z.RefinementCtx) {
  const raw = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message, input: raw });
  const entity = pick(entitySchema, raw.entity);
  const metrics = pick(z.array(aggregateSchema), raw.metrics);
  const by = pick(z.array(groupableFieldSchema), raw.by);
  const range = pick(dateRangeSchema, raw.range);
  const grouping = pick(groupingChoiceSchema, raw.grouping);
  const compare = pick(comparisonSchema, raw.compare);
  const sort = pick(sortSchema, raw.sort);

  if (entity && metrics) {
    const foreign = foreignMetric(entity, metrics);
    if (foreign) {
      const info = metricInfo(foreign);
      issue(["metrics"], `${info.label} is ${article(info.entity)} ${info.entity} metric — pick ${article(entity)} ${entity} metric`);
    }
  }
  if (metrics && new Set(metrics).size !== metrics.length) issue(["metrics"], "Each metric can be picked once");

  if (entity === "event" && raw.event === undefined) issue(["event"], "Pick an event to report on");

  if (by && new Set(by).size !== by.length) issue(["by"], "Group by each field once");

  if (range?.preset === "custom" && range.to < range.from) {
    issue(["range"], "The start date is after the end date — swap them");
  }
  if (grouping === "hour" && range && maxRangeDays(range) > HOURLY_MAX_DAYS) {
    issue(["grouping"], `Hourly needs a range of ${HOURLY_MAX_DAYS} days or less — pick Daily, or shorten the range`);
  }
  if (compare && compare !== "none" && range?.preset === "all_time") {
    issue(["compare"], "All time has no earlier period to compare with — pick a shorter range or turn comparison off");
  }

  const filters = Array.isArray(raw.filters) ? raw.filters : [];
  filters.forEach((candidate, index) => {
    const filter = pick(looseFilterSchema, candidate);
    if (!filter) return;
    const operators = operatorsFor(filter.property);
    if (!operators.includes(filter.operator)) {
      const names = operators.map((op) => `“${operatorLabel(op)}”`).join(" or ");
      issue(["filters", index, "operator"], `${fieldLabel(filter.property)} can only be filtered with ${names}`);
    }
    if (isPatternOperator(filter.operator)) {
      const problem = regexProblem(filter.value);
      if (problem) issue(["filters", index, "value"], `That pattern isn't a valid regular expression (${problem}) — check brackets and escapes`);
    }
  });

  if (sort) {
    if (sort.field === "timestamp") {
      if (grouping === "none") issue(["sort"], "Sorting by date needs a date grouping — pick one, or sort by a metric");
    } else if (metrics && by && !isSortable(sort.field, { metrics, by, dateGrouped: grouping !== "none" })) {
      issue(["sort"], "Sort by one of the chosen metrics or groupings");
    }
  }
}

/** Why a pattern does not compile as a regular expression (the engine's words, without the pattern), or null. */
export function regexProblem(pattern: string): string | null {
  const problem = compileProblem(pattern);
  // "Invalid regular expression: /(a/: Unterminated group" → "Unterminated group"
  return problem === null ? null : problem.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, "");
}

export const reportQuerySchema = reportQueryShape.superRefine(checkFathomRules, { when: () => true });
export type ReportQuery = z.infer<typeof reportQuerySchema>;

export const DEFAULT_METRICS: Record<Entity, readonly Aggregate[]> = {
  pageview: ["visits", "pageviews", "bounce_rate", "avg_duration"],
  event: ["conversions", "unique_conversions", "value"],
};

/** The report a fresh builder starts from: the site's pageviews over the last 30 days. */
export function defaultReportQuery(site: string): ReportQuery {
  return {
    version: REPORT_QUERY_VERSION,
    site,
    entity: "pageview",
    metrics: [...DEFAULT_METRICS.pageview],
    range: { preset: "last_30_days" },
    grouping: "auto",
    by: [],
    filters: [],
    compare: "none",
    chart: "auto",
  };
}

/**
 * Switches a query to another entity: metrics that no longer apply are replaced by the entity's defaults
 * and a sort on a dropped metric is removed, so the result satisfies the metric rules.
 */
export function withEntity(query: ReportQuery, entity: Entity, event?: string): ReportQuery {
  const allowed = AGGREGATES_BY_ENTITY[entity];
  const kept = query.metrics.filter((metric) => allowed.includes(metric));
  const metrics = kept.length > 0 ? kept : [...DEFAULT_METRICS[entity]];
  return keepSortValid({ ...query, entity, event: event ?? query.event, metrics });
}

/** Drops a sort the vocabulary's sort rule no longer allows (after metrics, groupings or the date grouping changed). */
export function keepSortValid(query: ReportQuery): ReportQuery {
  if (!query.sort) return query;
  const sortable = isSortable(query.sort.field, { metrics: query.metrics, by: query.by, dateGrouped: query.grouping !== "none" });
  return sortable ? query : { ...query, sort: undefined };
}

/**
 * The order rows come in when the query names none: field-grouped rows by the first metric, largest first
 * (so a limit keeps the top rows), date-grouped rows in time order, and a single row unsorted.
 */
export function effectiveSort(query: Pick<ReportQuery, "metrics" | "by" | "grouping" | "sort">): ReportSort | undefined {
  if (query.sort) return query.sort;
  if (query.by.length > 0) return { field: query.metrics[0]!, direction: "desc" };
  if (query.grouping !== "none") return { field: "timestamp", direction: "asc" };
  return undefined;
}

/** Every problem with a candidate query, keyed by the path of the control at fault (`_` for the whole). */
export type QueryMessages = Record<string, string[]>;

export function queryMessages(input: unknown): QueryMessages {
  const result = reportQuerySchema.safeParse(input);
  return result.success ? {} : fieldsFromZod(result.error);
}
