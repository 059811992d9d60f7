/**
 * One site of the Sites page, with its events and milestones, in Sounding's terms (isomorphic: the page,
 * `GET /api/sites` and the browser share it). lib/fathom/site-directory.ts builds it from Fathom's lists.
 */
import { z } from "zod";
import { SITE_SHARING } from "@/lib/query/fathom-fields";

export const siteDirectoryEntrySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** IANA name; null when Fathom reports none (the account's default applies). */
  timezone: z.string().nullable(),
  sharing: z.enum(SITE_SHARING),
  createdAt: z.string(),
  events: z.array(z.object({ id: z.string(), name: z.string(), createdAt: z.string() })),
  milestones: z.array(z.object({ id: z.string(), name: z.string(), date: z.string(), createdAt: z.string() })),
});
export type SiteDirectoryEntry = z.infer<typeof siteDirectoryEntrySchema>;
