/**
 * The answer of `GET /api/reports/run`, as a zod schema the page parses with (isomorphic). Numbers are
 * numbers; date buckets are wall-clock in the site's timezone, written as `bucketKey` does
 * (`2024-01-15`, `2024-01-15 13:00:00`, `2024-01`, `2024`).
 */
import { z } from "zod";
import { aggregateSchema, dateGroupingSchema, eventCurrencySchema, groupableFieldSchema } from "./fathom-fields";
import { reportQuerySchema } from "./report-query";

export const reportRowSchema = z.object({
  /** The date bucket, when the report is grouped by date. */
  date: z.string().optional(),
  /** The grouped fields' values; null when Fathom has none (e.g. a visit without a referrer). */
  fields: z.partialRecord(groupableFieldSchema, z.string().nullable()),
  /** The metrics asked for. */
  values: z.partialRecord(aggregateSchema, z.number()),
});
export type ReportRow = z.infer<typeof reportRowSchema>;

export const reportTotalsSchema = z.partialRecord(aggregateSchema, z.number());
export type ReportTotals = z.infer<typeof reportTotalsSchema>;

export const reportRangeSchema = z.object({
  /** Fathom timestamps, `YYYY-MM-DD HH:mm:ss`, in `timezone`. */
  from: z.string(),
  to: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  days: z.number().int(),
  timezone: z.string(),
  /** The date grouping the report ran with ("auto" resolved); null for none. */
  grouping: dateGroupingSchema.nullable(),
  /** Every date bucket of the range in order (empty without a date grouping). */
  buckets: z.array(z.string()),
});
export type ReportRange = z.infer<typeof reportRangeSchema>;

export const reportMilestoneSchema = z.object({ id: z.string(), name: z.string(), date: z.string() });
export type ReportMilestone = z.infer<typeof reportMilestoneSchema>;

export const reportMetaSchema = z.object({
  /** When the figures of the range were produced by Fathom (ISO): the older of the rows' and the totals' answers. */
  fetchedAt: z.string(),
  /**
   * When the comparison's figures were produced, when there is a comparison: a closed period's answer is
   * kept for long, so it is often older than the range's (and says nothing of how fresh those are).
   */
  comparisonFetchedAt: z.string().optional(),
  /** Every answer came from the cache. */
  cached: z.boolean(),
  /** At least one answer is a last good answer served because Fathom could not be asked in time. */
  stale: z.boolean(),
  /** Upstream requests this report cost (answers neither cached nor shared with another request). */
  upstreamCalls: z.number().int().nonnegative(),
});
export type ReportMeta = z.infer<typeof reportMetaSchema>;

export const reportResultSchema = z.object({
  query: reportQuerySchema,
  range: reportRangeSchema,
  rows: z.array(reportRowSchema),
  totals: reportTotalsSchema,
  comparison: z
    .object({
      range: reportRangeSchema,
      /**
       * The comparison period's series by date (no field groupings) when the report has a date grouping; for
       * a breakdown by fields only, its rows by the same fields, sort and limit; empty for an ungrouped report.
       */
      rows: z.array(reportRowSchema),
      totals: reportTotalsSchema,
      siteVisits: z.number().optional(),
    })
    .optional(),
  /**
   * An event report's site visits over the same dates and filters (a pageview question), from which
   * conversion rate and revenue per visitor are computed; absent for pageview reports, for event reports
   * without unique completions or value, and when they could not be had.
   */
  siteVisits: z.number().optional(),
  /**
   * The event's currency, for formatting `value` (Fathom's names: "dollar", "euro", …); null for a pageview
   * report or an event whose currency was never set through Sounding.
   */
  currency: eventCurrencySchema.nullable(),
  /** The site's milestones inside the range, by date. */
  milestones: z.array(reportMilestoneSchema),
  meta: reportMetaSchema,
});
export type ReportResult = z.infer<typeof reportResultSchema>;
