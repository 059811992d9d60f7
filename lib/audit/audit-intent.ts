/**
 * What an audited write was about to send to Fathom, kept with its entry (`intent_json`) so that a write
 * left pending by a crash can be checked against Fathom's lists at the next start (./reconcile.ts).
 */
import { z } from "zod";

/** Milestone create and update: Fathom needs both fields every time; the date as sent, `YYYY-MM-DD`. */
export const milestoneIntentSchema = z.object({ name: z.string(), milestone_date: z.string() });
export type MilestoneIntent = z.infer<typeof milestoneIntentSchema>;

/** Event create and update: only the fields sent (a create always names the event and carries a currency). */
export const eventIntentSchema = z.object({ name: z.string().optional(), currency: z.string().optional() });
export type EventIntent = z.infer<typeof eventIntentSchema>;

/** The stored intent read with its schema; undefined when absent (a delete, an entry older than 004) or unreadable. */
export function readIntent<T extends z.ZodType>(json: string | null, schema: T): z.infer<T> | undefined {
  if (json === null) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
