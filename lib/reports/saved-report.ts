/**
 * Saved reports as the routes receive and answer them: one contract for the store, the API and the pages.
 * A saved report keeps every save as a version (name, description and the canonical, versioned query);
 * restoring an old version makes a new one, so history is never rewritten (Grafana's rule, without its
 * cap of 20). Isomorphic: the pages parse answers with the same schemas the routes answer with.
 */
import { z } from "zod";
import { pathNumberSchema } from "@/lib/api/path-number";
import { storedReportQuerySchema } from "@/lib/query/stored-query";

export const savedReportIdSchema = pathNumberSchema("a report id");
export const versionNumberSchema = pathNumberSchema("a version number");

export const MAX_REPORT_NAME = 120;
export const MAX_REPORT_DESCRIPTION = 2000;

/** No lone UTF-16 surrogates or control characters other than newlines and tabs. */
export function isCleanText(text: string): boolean {
  return !/\p{Cs}/u.test(text) && !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text);
}

export const reportNameSchema = z
  .string({ error: "Give the report a name" })
  .trim()
  .min(1, "Give the report a name")
  .max(MAX_REPORT_NAME, `Keep the name under ${MAX_REPORT_NAME} characters`)
  .refine(isCleanText, "Remove the unreadable character from the name");

export const reportDescriptionSchema = z
  .string({ error: "The description is text" })
  .trim()
  .max(MAX_REPORT_DESCRIPTION, `Keep the description under ${MAX_REPORT_DESCRIPTION} characters`)
  .refine(isCleanText, "Remove the unreadable character from the description");

/** `POST /api/reports`: a new saved report (Explore's "Save" and "Save as new"). */
export const newSavedReportSchema = z.strictObject({
  name: reportNameSchema,
  description: reportDescriptionSchema.default(""),
  query: storedReportQuerySchema,
});

/**
 * `PATCH /api/reports/[id]`: a new version with any of name, description and query changed (at least one).
 * `baseVersion` is the version the editor started from: when someone saved in between, the change is
 * refused with 409 rather than silently overwriting theirs.
 */
export const savedReportChangeSchema = z
  .strictObject({
    name: reportNameSchema.optional(),
    description: reportDescriptionSchema.optional(),
    query: storedReportQuerySchema.optional(),
    baseVersion: z.number().int().positive().optional(),
  })
  .refine((change) => change.name !== undefined || change.description !== undefined || change.query !== undefined, {
    message: "Change the name, the description or the query",
  });

/** Who did something, as pages show it: a name only (never an e-mail address). */
export const personSchema = z.object({ id: z.number().int().nullable(), name: z.string() });
export type Person = z.infer<typeof personSchema>;

/**
 * A saved report as the API answers it. `query` is the stored form as kept, not parsed: a report written
 * by a newer Sounding, or one that no longer validates, still opens and says why (pages read it through
 * `upgradeReportQuery`). `siteId` is the site the query was saved for.
 */
export const savedReportSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  siteId: z.string(),
  query: z.unknown(),
  /** The current version number (1 for a report never changed). */
  version: z.number().int(),
  owner: personSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: personSchema,
});
export type SavedReport = z.infer<typeof savedReportSchema>;

/**
 * One row of `/reports`: the report plus its preview, the headline figure of its first metric when an
 * answer is in the cache (read without spending a request; null when none is).
 */
export const savedReportListItemSchema = savedReportSchema.extend({
  preview: z
    .object({ metric: z.string(), value: z.number().nullable(), fetchedAt: z.string() })
    .nullable(),
});
export type SavedReportListItem = z.infer<typeof savedReportListItemSchema>;

export const savedReportListSchema = z.object({ reports: z.array(savedReportListItemSchema) });

/** One saved version, newest first in a history. `restoredFrom` is set when the save was a restore. */
export const savedReportVersionSchema = z.object({
  version: z.number().int(),
  name: z.string(),
  description: z.string(),
  query: z.unknown(),
  createdAt: z.string(),
  createdBy: personSchema,
  restoredFrom: z.number().int().nullable(),
});
export type SavedReportVersion = z.infer<typeof savedReportVersionSchema>;

export const savedReportHistorySchema = z.object({ versions: z.array(savedReportVersionSchema) });
