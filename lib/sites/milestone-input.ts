/**
 * What a milestone write may carry, with Fathom's rules (name 1–30 characters, a real `YYYY-MM-DD` date,
 * both required on create and on update) and messages a person understands. Isomorphic: the form checks
 * it before sending and the route handler checks it again before any request to Fathom is spent.
 */
import { z } from "zod";
import { fathomLength, MAX_MILESTONE_NAME_LENGTH } from "@/lib/query/fathom-fields";

/** True for a calendar date that exists (no 2024-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const milestoneNameSchema = z
  .string({ error: "Give the milestone a name" })
  .trim()
  .min(1, "Give the milestone a name")
  .refine((name) => fathomLength(name) <= MAX_MILESTONE_NAME_LENGTH, {
    error: (issue) => `Fathom allows at most ${MAX_MILESTONE_NAME_LENGTH} characters in a milestone name; this one has ${fathomLength(String(issue.input ?? ""))}`,
  });

export const milestoneDateSchema = z
  .string({ error: "Pick the milestone's date" })
  .trim()
  .min(1, { error: "Pick the milestone's date", abort: true })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Write the date as YYYY-MM-DD", abort: true })
  .refine(isCalendarDate, "That date does not exist");

/** The body of create and update alike: Fathom needs both fields every time. */
export const milestoneInputSchema = z.object({ name: milestoneNameSchema, milestone_date: milestoneDateSchema });
export type MilestoneInput = z.infer<typeof milestoneInputSchema>;

/** A milestone as Sounding's own API returns it: the date as `YYYY-MM-DD`. */
export const milestoneViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  date: z.string(),
  createdAt: z.string(),
  updatedAt: z.string().nullable(),
});
export type MilestoneView = z.infer<typeof milestoneViewSchema>;

/** Fathom's milestone (`milestone_date` as `YYYY-MM-DD 00:00:00`) as Sounding's API shows it. */
export function toMilestoneView(milestone: {
  id: string;
  name: string;
  milestone_date: string;
  created_at: string;
  updated_at: string | null;
}): MilestoneView {
  return {
    id: milestone.id,
    name: milestone.name,
    date: milestone.milestone_date.slice(0, 10),
    createdAt: milestone.created_at,
    updatedAt: milestone.updated_at,
  };
}

export const milestoneListResponseSchema = z.object({ milestones: z.array(milestoneViewSchema) });

/** Newest date first; the same day by name, so the order never flickers. */
export function sortMilestones<T extends MilestoneView>(milestones: readonly T[]): T[] {
  return [...milestones].sort((a, b) => (a.date === b.date ? a.name.localeCompare(b.name) : a.date < b.date ? 1 : -1));
}
