import "server-only";
import { z } from "zod";
import { aggregationParamsSchema, type AggregationParams } from "@/lib/query/aggregation-params";
import { AGGREGATES, GROUPABLE_FIELDS, type Aggregate, type GroupableField } from "@/lib/query/fathom-fields";
import { checkInput, type CallOptions, type FathomHttp } from "./http";
import { fathomNumberSchema } from "./values";

/** A grouping value: text, or null when Fathom has none (e.g. a visit without a referrer). */
const groupValueSchema = z
  .union([z.string(), z.number(), z.null()])
  .transform((value) => (value === null ? null : String(value)));

const ALL_AGGREGATES: readonly Aggregate[] = AGGREGATES;

/**
 * One row of an aggregation: its aggregates as numbers, its field groupings as text, and with a date
 * grouping its bucket in `date` (e.g. `2024-01-15`, in the site's timezone). Unknown keys are dropped.
 */
export const aggregationRowSchema = z.object({
  date: z.string().optional(),
  ...(Object.fromEntries(ALL_AGGREGATES.map((a) => [a, fathomNumberSchema.optional()])) as Record<
    Aggregate,
    z.ZodOptional<typeof fathomNumberSchema>
  >),
  ...(Object.fromEntries(GROUPABLE_FIELDS.map((f) => [f, groupValueSchema.optional()])) as Record<
    GroupableField,
    z.ZodOptional<typeof groupValueSchema>
  >),
});
export type AggregationRow = z.infer<typeof aggregationRowSchema>;

/** Documented as a bare array; a `{ object: "list", data: [...] }` envelope is accepted too. */
const unwrapEnvelope = (body: unknown) =>
  typeof body === "object" && body !== null && !Array.isArray(body) && (body as { object?: unknown }).object === "list"
    ? (body as { data?: unknown }).data
    : body;

/** The answer to one request: every row must carry the aggregates asked for (and `date` when date-grouped). */
export function aggregationResponseSchema(params: AggregationParams) {
  return z.preprocess(
    unwrapEnvelope,
    z.array(aggregationRowSchema).superRefine((rows, ctx) => {
      rows.forEach((row, index) => {
        for (const aggregate of params.aggregates) {
          if (row[aggregate] === undefined) {
            ctx.addIssue({ code: "custom", path: [index, aggregate], message: `missing the "${aggregate}" aggregate` });
          }
        }
        if (params.date_grouping && row.date === undefined) {
          ctx.addIssue({ code: "custom", path: [index, "date"], message: "missing the date bucket" });
        }
      });
    }),
  );
}

/**
 * The query string of `GET /aggregations`, in a stable order: lists comma-separated, filters as a JSON
 * array of `{property, operator, value}` with string values, unset parameters omitted.
 */
export function encodeAggregationQuery(params: AggregationParams): Array<[string, string | number | undefined]> {
  const nonEmpty = <T>(list: T[] | undefined) => (list && list.length > 0 ? list : undefined);
  const groupings = nonEmpty(params.field_grouping);
  const filters = nonEmpty(params.filters);
  return [
    ["entity", params.entity],
    ["entity_id", params.entity_id],
    ["site_id", params.site_id],
    ["entity_name", params.entity_name],
    ["aggregates", params.aggregates.join(",")],
    ["date_grouping", params.date_grouping],
    ["field_grouping", groupings?.join(",")],
    ["sort_by", params.sort_by],
    ["date_from", params.date_from],
    ["date_to", params.date_to],
    ["timezone", params.timezone],
    ["limit", params.limit],
    [
      "filters",
      filters &&
        JSON.stringify(filters.map(({ property, operator, value }) => ({ property, operator, value: String(value) }))),
    ],
  ];
}

export function aggregationEndpoints(http: FathomHttp) {
  return {
    /** `GET /aggregations`, checked against Fathom's rules first (no request is spent on a query Fathom would refuse). */
    aggregate: async (params: z.input<typeof aggregationParamsSchema>, options: CallOptions = {}): Promise<AggregationRow[]> => {
      const checked = checkInput(aggregationParamsSchema, params, "report");
      return http.request({
        method: "GET",
        path: ["aggregations"],
        query: encodeAggregationQuery(checked),
        schema: aggregationResponseSchema(checked),
        signal: options.signal,
      });
    },
  };
}
