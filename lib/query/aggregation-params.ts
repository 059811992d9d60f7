/**
 * The parameters of Fathom's `GET /aggregations`, as plain data (arrays, not comma-joined strings).
 * Isomorphic: the ReportQuery mapping produces this shape, the Fathom client validates and encodes it,
 * the simulator decodes it. Fathom's cross-field rules come from the vocabulary (fathom-fields.ts); only
 * their wording, for a caller of the client rather than a person at the builder, is written here.
 */
import { z } from "zod";
import {
  AGGREGATES_BY_ENTITY,
  aggregateSchema,
  dateGroupingSchema,
  entitySchema,
  fathomFilterSchema,
  groupableFieldSchema,
  HOURLY_MAX_DAYS,
  isPatternOperator,
  isSortable,
  metricInfo,
  metricLabel,
  operatorsFor,
} from "./fathom-fields";
import { isKnownTimezone, regexProblem } from "./text-checks";

/** `YYYY-MM-DD HH:mm:ss`, in the site's timezone. */
export const fathomTimestampSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, "Use the format YYYY-MM-DD HH:mm:ss");

const SORT_PATTERN = /^[a-z_]+:(asc|desc)$/;

export const aggregationParamsShape = z.object({
  entity: entitySchema,
  entity_id: z.string().min(1).optional(),
  site_id: z.string().min(1).optional(),
  entity_name: z.string().min(1).max(255).optional(),
  aggregates: z.array(aggregateSchema).min(1, "Pick at least one metric"),
  date_grouping: dateGroupingSchema.optional(),
  field_grouping: z.array(groupableFieldSchema).optional(),
  /** `field:asc|desc`. */
  sort_by: z.string().regex(SORT_PATTERN, "Sort as field:asc or field:desc").optional(),
  date_from: fathomTimestampSchema.optional(),
  date_to: fathomTimestampSchema.optional(),
  timezone: z.string().min(1).optional(),
  limit: z.number().int().positive().optional(),
  filters: z.array(fathomFilterSchema).optional(),
});

export type AggregationParams = z.infer<typeof aggregationParamsShape>;

const listOf = (items: readonly string[]) =>
  items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;

/** Milliseconds since the epoch of a `YYYY-MM-DD HH:mm:ss` read as UTC, or null when it names no real moment. */
export function fathomTimestampToUtcMs(timestamp: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(timestamp);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(ms);
  const exact =
    back.getUTCFullYear() === year &&
    back.getUTCMonth() === month - 1 &&
    back.getUTCDate() === day &&
    back.getUTCHours() === hour &&
    back.getUTCMinutes() === minute &&
    back.getUTCSeconds() === second;
  return exact ? ms : null;
}

/**
 * `GET /aggregations` parameters with Fathom's cross-field rules (DESIGN.md, "Fathom's rules"), checked
 * before a request is spent. Messages are written for the person building the report.
 */
export const aggregationParamsSchema = aggregationParamsShape.superRefine((params, ctx) => {
  const allowed = AGGREGATES_BY_ENTITY[params.entity];
  params.aggregates.forEach((aggregate, index) => {
    const { entity } = metricInfo(aggregate);
    if (entity !== params.entity) {
      ctx.addIssue({
        code: "custom",
        path: ["aggregates", index],
        message: `${metricLabel(aggregate)} is a metric of ${entity} reports; a ${params.entity} report can show ${listOf(allowed.map(metricLabel))}.`,
      });
    }
  });

  if (params.entity === "pageview" && !params.entity_id) {
    ctx.addIssue({ code: "custom", path: ["entity_id"], message: "Choose the site to report on." });
  }
  if (params.entity === "event" && !params.entity_id && !(params.site_id && params.entity_name)) {
    ctx.addIssue({
      code: "custom",
      path: params.site_id ? ["entity_name"] : ["site_id"],
      message: "Choose the site and the event to report on.",
    });
  }

  // Zod still runs this refinement when a timestamp failed its format check; report that only once.
  const wellFormed = (value: string | undefined): value is string => value !== undefined && fathomTimestampSchema.safeParse(value).success;
  const from = wellFormed(params.date_from) ? fathomTimestampToUtcMs(params.date_from) : null;
  const to = wellFormed(params.date_to) ? fathomTimestampToUtcMs(params.date_to) : null;
  if (wellFormed(params.date_from) && from === null) {
    ctx.addIssue({ code: "custom", path: ["date_from"], message: "The start date is not a real date and time." });
  }
  if (wellFormed(params.date_to) && to === null) {
    ctx.addIssue({ code: "custom", path: ["date_to"], message: "The end date is not a real date and time." });
  }
  if (from !== null && to !== null && from > to) {
    ctx.addIssue({ code: "custom", path: ["date_to"], message: "The end date is before the start date." });
  }
  if (
    params.date_grouping === "hour" &&
    from !== null &&
    to !== null &&
    to - from > HOURLY_MAX_DAYS * 24 * 60 * 60 * 1000
  ) {
    ctx.addIssue({
      code: "custom",
      path: ["date_grouping"],
      message: `Hourly grouping works for ranges of up to ${HOURLY_MAX_DAYS} days; pick a shorter range or group by day.`,
    });
  }

  if (params.timezone !== undefined && !isKnownTimezone(params.timezone)) {
    ctx.addIssue({ code: "custom", path: ["timezone"], message: `"${params.timezone}" is not a known timezone.` });
  }

  params.filters?.forEach((filter, index) => {
    const operators = operatorsFor(filter.property);
    if (!operators.includes(filter.operator)) {
      ctx.addIssue({
        code: "custom",
        path: ["filters", index, "operator"],
        message: `A ${filter.property} filter can only use ${listOf(operators.map((o) => `"${o}"`))}.`,
      });
    }
    if (isPatternOperator(filter.operator)) {
      const problem = regexProblem(filter.value);
      if (problem) {
        ctx.addIssue({
          code: "custom",
          path: ["filters", index, "value"],
          message: `The pattern for ${filter.property} is not a valid regular expression (${problem}).`,
        });
      }
    }
  });

  if (params.sort_by !== undefined && SORT_PATTERN.test(params.sort_by)) {
    const field = params.sort_by.split(":")[0] ?? "";
    const sortable = isSortable(field, { metrics: params.aggregates, by: params.field_grouping ?? [], dateGrouped: params.date_grouping !== undefined });
    if (!sortable) {
      ctx.addIssue({
        code: "custom",
        path: ["sort_by"],
        message:
          field === "timestamp"
            ? "Sorting by time needs a date grouping (hour, day, month or year)."
            : `Sort by a metric or a grouping of this report; "${field}" is neither.`,
      });
    }
  }
});
