/**
 * What running a report would cost, before it runs (`GET /api/reports/cost`), as a zod schema the builder
 * parses with. Isomorphic.
 */
import { z } from "zod";

export const reportCostSchema = z.object({
  /** Fathom questions the report needs (its rows, totals, comparison, site visits). */
  questions: z.number().int().nonnegative(),
  /** Of those, the ones a fresh kept answer already holds: they cost nothing. */
  cached: z.number().int().nonnegative(),
  /** Report requests left in the plan's window now, its size, and when the next spent one comes back (ISO). */
  budget: z.object({
    available: z.number(),
    capacity: z.number(),
    windowSeconds: z.number(),
    nextTokenAt: z.string().nullable(),
    pausedUntil: z.string().nullable(),
    /** Builder reports waiting for the budget now (everyone's). */
    queued: z.number().int().nonnegative(),
  }),
});
export type ReportCost = z.infer<typeof reportCostSchema>;

/** The requests a run would spend: the questions no fresh kept answer holds. */
export const requestsOf = (cost: Pick<ReportCost, "questions" | "cached">) => cost.questions - cost.cached;
