import "server-only";
import { z } from "zod";
import { MAX_MILESTONE_NAME_LENGTH } from "@/lib/query/fathom-fields";
import { checkInput, type CallOptions, type FathomHttp } from "./http";
import { listAll, listParamsSchema, listQuery, listSchema, type ListParams } from "./pagination";
import { deletedSchema, idSchema } from "./values";

export const milestoneSchema = z.object({
  id: z.string(),
  object: z.literal("milestone"),
  name: z.string(),
  /** `YYYY-MM-DD 00:00:00` on the way back, though it is sent as `YYYY-MM-DD`. */
  milestone_date: z.string(),
  created_at: z.string(),
  updated_at: z.string().nullish().transform((value) => value ?? null),
});
export type FathomMilestone = z.infer<typeof milestoneSchema>;

export const milestoneListSchema = listSchema(milestoneSchema);
export const milestoneDeletedSchema = deletedSchema("milestone");

function isRealDate(value: string) {
  const [year, month, day] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Create and update both need the name (≤ 30 characters) and the date (`YYYY-MM-DD`). */
export const milestoneBodySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Give the milestone a name")
    .max(MAX_MILESTONE_NAME_LENGTH, `Milestone names are at most ${MAX_MILESTONE_NAME_LENGTH} characters`),
  milestone_date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Use the date format YYYY-MM-DD", abort: true })
    .refine(isRealDate, "That date does not exist"),
});
export type MilestoneBody = z.input<typeof milestoneBodySchema>;

const siteIdSchema = idSchema("site");
const milestoneIdSchema = idSchema("milestone");

function milestonePath(siteId: string, milestoneId?: string): string[] {
  const base = ["sites", checkInput(siteIdSchema, siteId, "site id"), "milestones"];
  return milestoneId === undefined ? base : [...base, checkInput(milestoneIdSchema, milestoneId, "milestone id")];
}

export function milestoneEndpoints(http: FathomHttp) {
  const listMilestones = async (siteId: string, page: ListParams = {}, options: CallOptions = {}) =>
    http.request({
      method: "GET",
      path: milestonePath(siteId),
      query: listQuery(checkInput(listParamsSchema, page, "page")),
      schema: milestoneListSchema,
      signal: options.signal,
    });

  return {
    listMilestones,
    /** Every milestone of a site, walking all pages. */
    listAllMilestones: (siteId: string, options: CallOptions = {}) =>
      listAll((page, pageOptions) => listMilestones(siteId, page, pageOptions), options),

    getMilestone: async (siteId: string, milestoneId: string, options: CallOptions = {}) =>
      http.request({ method: "GET", path: milestonePath(siteId, milestoneId), schema: milestoneSchema, signal: options.signal }),

    /** Fathom answers 201 Created. */
    createMilestone: async (siteId: string, body: MilestoneBody, options: CallOptions = {}) =>
      http.request({
        method: "POST",
        path: milestonePath(siteId),
        body: checkInput(milestoneBodySchema, body, "milestone"),
        schema: milestoneSchema,
        signal: options.signal,
      }),

    /** Both fields are required on update too. */
    updateMilestone: async (siteId: string, milestoneId: string, body: MilestoneBody, options: CallOptions = {}) =>
      http.request({
        method: "POST",
        path: milestonePath(siteId, milestoneId),
        body: checkInput(milestoneBodySchema, body, "milestone"),
        schema: milestoneSchema,
        signal: options.signal,
      }),

    deleteMilestone: async (siteId: string, milestoneId: string, options: CallOptions = {}) =>
      http.request({
        method: "DELETE",
        path: milestonePath(siteId, milestoneId),
        schema: milestoneDeletedSchema,
        signal: options.signal,
      }),
  };
}
