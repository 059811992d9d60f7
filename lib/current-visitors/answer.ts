/**
 * What GET /api/sites/[siteId]/current-visitors answers. Isomorphic: the route builds it, the panel
 * parses it with the same schema.
 */
import { z } from "zod";
import { answerMetaSchema } from "@/lib/governor/answer-meta";

const rowSchema = z.object({ hostname: z.string().nullable(), pathname: z.string().nullable(), total: z.number() });
export type CurrentVisitorsRow = z.infer<typeof rowSchema>;

export const liveMetaSchema = answerMetaSchema.extend({
  /** When the server will have a newer figure (ISO): the panel polls just after it. */
  nextRefreshAt: z.string(),
  /** The interval in force now, stretched when the reports budget is tight (seconds). */
  intervalSeconds: z.number(),
  /** The default interval before stretching: the admin's setting or CURRENT_VISITORS_INTERVAL_SECONDS (seconds). */
  baseIntervalSeconds: z.number(),
});
export type LiveMeta = z.infer<typeof liveMetaSchema>;

export const currentVisitorsAnswerSchema = z.object({
  siteId: z.string(),
  detailed: z.boolean(),
  total: z.number(),
  /** Top pages (hostname + pathname), most visitors first; null unless detailed. */
  pages: z.array(rowSchema).nullable(),
  /** Top referrers (hostname + pathname), most visitors first; null unless detailed. */
  referrers: z.array(rowSchema).nullable(),
  meta: liveMetaSchema,
});
export type CurrentVisitorsAnswer = z.infer<typeof currentVisitorsAnswerSchema>;

/** `?detailed=true|false` (default false); anything else is a 400 naming the parameter. */
export const currentVisitorsQuerySchema = z.object({
  detailed: z
    .enum(["true", "false"], { error: "detailed must be true or false" })
    .optional()
    .transform((value) => value === "true"),
});
