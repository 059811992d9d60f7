/**
 * The seam between the report runner and where the numbers come from, in Sounding's own terms: a
 * provider lists sites, a site's events and milestones, and answers the report's aggregation queries
 * with rows of numbers. Fathom is one implementation (lib/fathom/report-provider.ts); the runner
 * (run-report.ts) knows no provider's wire format. The query vocabulary (ReportQuery, aggregation
 * parameters) is lib/query's. Every answer says how it was served, so the report's meta stays exact.
 */
import { z } from "zod";
import { answerMetaSchema } from "@/lib/governor/answer-meta";
import type { Priority } from "@/lib/governor/budget-state";
import type { AggregationParams } from "@/lib/query/aggregation-params";
import { aggregateSchema, eventCurrencySchema, groupableFieldSchema } from "@/lib/query/fathom-fields";

export const providerSiteSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** IANA name; null when the provider has none for the site (see `reportTimezone`). */
  timezone: z.string().nullable(),
  /** When the site was created; starts with its date, `YYYY-MM-DD` (all time begins there). */
  createdAt: z.string(),
});
export type ProviderSite = z.infer<typeof providerSiteSchema>;

export const providerEventSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The currency of the event's `value`; null when nobody knows it. */
  currency: eventCurrencySchema.nullable(),
});
export type ProviderEvent = z.infer<typeof providerEventSchema>;

export const providerMilestoneSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** `YYYY-MM-DD`. */
  date: z.string(),
});
export type ProviderMilestone = z.infer<typeof providerMilestoneSchema>;

/** One answer row: its metrics as numbers, its grouped fields as text (null when there is no value). */
export const providerRowSchema = z.object({
  /** With a date grouping, the bucket at whatever precision the provider writes it (report-rows makes it canonical). */
  date: z.string().optional(),
  fields: z.partialRecord(groupableFieldSchema, z.string().nullable()),
  values: z.partialRecord(aggregateSchema, z.number()),
});
export type ProviderRow = z.infer<typeof providerRowSchema>;

/** How an answer was served: the governed meta the report's own meta is made of. */
export const providerMetaSchema = answerMetaSchema.pick({ fetchedAt: true, cached: true, stale: true, shared: true });
export type ProviderMeta = z.infer<typeof providerMetaSchema>;
export type ProviderAnswer<T> = { data: T; meta: ProviderMeta };

export type ProviderReadOptions = { priority: Priority };
export type ProviderAggregateOptions = ProviderReadOptions & {
  /** The site's timezone the dates were resolved in (a closed period can be cached for long). */
  timezone: string;
  /**
   * The report is asked on its own (Explore, a report's page), so nothing is coming to fold with it: no
   * wait. A dashboard's tiles leave it unset, so the governor can fold them into one request.
   */
  solo?: boolean;
};

/** What running a report needs from a provider (tests pass fakes). */
export type ReportProvider = {
  listSites(options: ProviderReadOptions): Promise<ProviderAnswer<ProviderSite[]>>;
  listEvents(siteId: string, options: ProviderReadOptions): Promise<ProviderAnswer<ProviderEvent[]>>;
  listMilestones(siteId: string, options: ProviderReadOptions): Promise<ProviderAnswer<ProviderMilestone[]>>;
  /** One of the report plan's queries (lib/query/to-aggregation-params.ts), answered as rows. */
  aggregate(params: AggregationParams, options: ProviderAggregateOptions): Promise<ProviderAnswer<ProviderRow[]>>;
};
