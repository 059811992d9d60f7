/**
 * What a client's share page shows, and all its data route answers: the shared reports' figures within the
 * window, already cut by the locked filters on the server. It carries no query (so no locked filter value,
 * no other site), no Fathom token, no team member, nothing of another share. The page renders it on the
 * server; `GET /share/<slug>/data?range=<preset>` answers it as JSON. Isomorphic.
 */
import { z } from "zod";
import { datePresetSchema } from "@/lib/query/date-presets";
import { aggregateSchema, entitySchema, groupableFieldSchema, eventCurrencySchema } from "@/lib/query/fathom-fields";
import { chartKindSchema, comparisonSchema } from "@/lib/query/report-query";
import { reportMilestoneSchema, reportRangeSchema, reportRowSchema, reportTotalsSchema } from "@/lib/query/report-result";
import { tileSizeSchema, tileViewSchema } from "@/lib/dashboards/dashboard";

/** One shared report's figures: what the report's cards, chart and table need, and nothing of its query. */
export const shareReportResultSchema = z.object({
  entity: entitySchema,
  metrics: z.array(aggregateSchema),
  by: z.array(groupableFieldSchema),
  chart: chartKindSchema,
  compare: comparisonSchema,
  range: reportRangeSchema,
  rows: z.array(reportRowSchema),
  totals: reportTotalsSchema,
  comparison: z.object({ range: reportRangeSchema, rows: z.array(reportRowSchema), totals: reportTotalsSchema }).optional(),
  currency: eventCurrencySchema.nullable(),
  /** Only the milestones the share shows (none, all, or the chosen ones). */
  milestones: z.array(reportMilestoneSchema),
});
export type ShareReportResult = z.infer<typeof shareReportResultSchema>;

export const shareTileSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("report"),
    id: z.string(),
    size: tileSizeSchema,
    view: tileViewSchema,
    /** The saved report's name. */
    title: z.string(),
    /** Null when `problem` says why this tile shows nothing (its report was deleted, Fathom refused…). */
    result: shareReportResultSchema.nullable(),
    problem: z.string().nullable(),
  }),
  z.object({ kind: z.literal("text"), id: z.string(), size: tileSizeSchema, markdown: z.string() }),
]);
export type ShareTile = z.infer<typeof shareTileSchema>;

export const shareViewSchema = z.object({
  /** The report's or dashboard's name. */
  title: z.string(),
  clientName: z.string(),
  /** The agency's visible label for the locked filters ("" for none). */
  lockedLabel: z.string(),
  intro: z.string(),
  accent: z.string().nullable(),
  madeWith: z.boolean(),
  hasLogo: z.boolean(),
  window: z.object({
    /** The ranges the viewer may switch between, in the agency's order (empty: only the shared range). */
    presets: z.array(datePresetSchema),
    /** The range shown; null when it is the shared report's (or dashboard's) own. */
    current: datePresetSchema.nullable(),
    /**
     * The dates shown after the floor and ceiling, `YYYY-MM-DD`; null when the tiles each keep their own
     * report's range (a dashboard shared with its reports' own ranges). `cut` says when the window cut them.
     */
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    cut: z.string().nullable(),
  }),
  tiles: z.array(shareTileSchema),
  /** When the oldest figures shown were fetched from Fathom (ISO). */
  fetchedAt: z.string(),
  /** Some figures are a last good answer because Fathom could not be asked in time. */
  stale: z.boolean(),
});
export type ShareView = z.infer<typeof shareViewSchema>;
