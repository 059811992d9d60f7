/**
 * The governor's vocabulary and its visible state, as zod schemas. Isomorphic: the admin budget route
 * answers with `BudgetState`, and the header indicator in the browser parses it with the same schema.
 */
import { z } from "zod";

/**
 * Fathom's two rate-limit classes: `reports` (aggregations and current visitors, 10 a minute) and
 * `management` (account, sites, events, milestones, 2,000 an hour).
 */
export const REQUEST_CLASSES = ["reports", "management"] as const;
export const requestClassSchema = z.enum(REQUEST_CLASSES);
export type RequestClass = z.infer<typeof requestClassSchema>;

/** Who is waiting, most urgent first: someone at the builder, a share page, a polling panel. */
export const PRIORITIES = ["interactive", "share", "poll"] as const;
export const prioritySchema = z.enum(PRIORITIES);
export type Priority = z.infer<typeof prioritySchema>;

const countsByPrioritySchema = z.object({ interactive: z.number(), share: z.number(), poll: z.number() });

export const classStateSchema = z.object({
  /** Requests the class allows per window. */
  capacity: z.number(),
  /** Requests that could start now. */
  available: z.number(),
  windowSeconds: z.number(),
  /** When the next spent request comes back to the bucket (ISO), if any is spent. */
  nextTokenAt: z.string().nullable(),
  /** Set while an upstream 429's Retry-After runs: nothing of this class is sent before then (ISO). */
  pausedUntil: z.string().nullable(),
  /** Requests waiting for the budget, by priority. */
  queued: countsByPrioritySchema,
  /**
   * Upstream calls made (every attempt counts: Fathom bills each one). With several instances, `today` and
   * `month` are the deployment's; `lastMinute` and `sinceStart` are this instance's.
   */
  upstream: z.object({
    lastMinute: z.number(),
    /** UTC day and month; persisted, so a restart does not reset them. */
    today: z.number(),
    month: z.number(),
    sinceStart: z.number(),
  }),
});
export type ClassState = z.infer<typeof classStateSchema>;

export const budgetStateSchema = z.object({
  at: z.string(),
  classes: z.object({ reports: classStateSchema, management: classStateSchema }),
  concurrency: z.object({ max: z.number(), inFlight: z.number() }),
  cache: z.object({
    /** Governed reads asked for. */
    requests: z.number(),
    /** Answered from a fresh cached answer. */
    hits: z.number(),
    /** Answered by joining an identical upstream call already in flight. */
    shared: z.number(),
    /** Answered with the last good answer, marked stale. */
    stale: z.number(),
    /** Refused with a 429 (nothing cached to fall back on). */
    rejected: z.number(),
    /** (hits + shared) / requests: the share of reads that cost nothing upstream. */
    hitRatio: z.number(),
    /** Answers held in memory. */
    entries: z.number(),
  }),
});
export type BudgetState = z.infer<typeof budgetStateSchema>;
