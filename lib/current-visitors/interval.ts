/**
 * The current-visitors refresh interval: its bounds, the admin's setting, and how it stretches when the
 * reports budget is tight. Pure and isomorphic (the settings form validates with the same schema).
 */
import { z } from "zod";

export const MIN_INTERVAL_SECONDS = 5;
export const MAX_INTERVAL_SECONDS = 600;

export const intervalSecondsSchema = z
  .number({ error: "Give the interval in seconds" })
  .int("Use a whole number of seconds")
  .min(MIN_INTERVAL_SECONDS, `At least ${MIN_INTERVAL_SECONDS} seconds`)
  .max(MAX_INTERVAL_SECONDS, `At most ${MAX_INTERVAL_SECONDS} seconds (10 minutes)`);

/** The admin setting: a number of seconds, or null to follow CURRENT_VISITORS_INTERVAL_SECONDS. */
export const intervalSettingSchema = z.object({ intervalSeconds: intervalSecondsSchema.nullable() });
export type IntervalSetting = z.infer<typeof intervalSettingSchema>;

/** What GET/PUT /api/settings/live answer. */
export const intervalSettingStateSchema = z.object({
  /** The admin's value, or null when none is set. */
  intervalSeconds: z.number().nullable(),
  /** CURRENT_VISITORS_INTERVAL_SECONDS (or its default). */
  environmentSeconds: z.number(),
  /** The one in force: the admin's value, else the environment's. */
  effectiveSeconds: z.number(),
  /** Reports Fathom allows per minute (FATHOM_RATE_LIMIT_REPORTS_PER_MINUTE), to say what an interval costs. */
  reportsPerMinute: z.number(),
  updatedAt: z.string().nullable(),
});
export type IntervalSettingState = z.infer<typeof intervalSettingStateSchema>;

/** The base interval in force: the admin's setting when there is one, else the environment's, kept in bounds. */
export function baseIntervalSeconds(stored: number | null, environment: number): number {
  const seconds = stored ?? environment;
  return Math.min(MAX_INTERVAL_SECONDS, Math.max(MIN_INTERVAL_SECONDS, Math.round(seconds)));
}

/** How much of the reports budget one site watched without pause costs: requests per minute. */
export function requestsPerMinute(intervalSeconds: number): number {
  return 60 / intervalSeconds;
}
