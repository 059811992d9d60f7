/**
 * What every governed answer says about itself (`meta` in each JSON answer that carries Fathom data).
 * Isomorphic so the browser can read it with the same schema.
 */
import { z } from "zod";

export const answerMetaSchema = z.object({
  /** When Fathom produced this answer (ISO). */
  fetchedAt: z.string(),
  /** Until when it counts as fresh (ISO). */
  freshUntil: z.string(),
  /** Served from the cache rather than from an upstream call made for this request. */
  cached: z.boolean(),
  /** A last good answer served because a fresh one could not be had in time. */
  stale: z.boolean(),
  /** Served by an upstream call another request had already started. */
  shared: z.boolean(),
});
export type AnswerMeta = z.infer<typeof answerMetaSchema>;

export type Governed<T> = { data: T; meta: AnswerMeta };
