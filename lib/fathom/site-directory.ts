import "server-only";
import { z } from "zod";
import { SITE_SHARING } from "@/lib/query/fathom-fields";
import type { FathomClient } from "./client";
import type { CallOptions } from "./http";

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

/** The list calls the directory needs: the whole client, or a caching wrapper with the same methods. */
export type DirectorySource = Pick<FathomClient, "listAllSites" | "listAllEvents" | "listAllMilestones">;

/**
 * Sites in flight at once (each runs its events and milestones lists side by side): with 2, at most 4
 * requests are in flight, under Fathom's documented concurrency limit of 5.
 */
const SITES_IN_FLIGHT = 2;

/**
 * Every site with its events and milestones, each list walked to the end, in Fathom's order. The one
 * place the Sites page's upstream calls are made, so a cache can sit in front of them.
 */
export async function loadSiteDirectory(source: DirectorySource, options: CallOptions = {}): Promise<SiteDirectoryEntry[]> {
  const sites = await source.listAllSites(options);
  const entries: SiteDirectoryEntry[] = new Array(sites.length);
  let next = 0;
  async function worker() {
    while (next < sites.length) {
      const index = next++;
      const site = sites[index]!;
      const [events, milestones] = await Promise.all([
        source.listAllEvents(site.id, options),
        source.listAllMilestones(site.id, options),
      ]);
      entries[index] = {
        id: site.id,
        name: site.name,
        timezone: site.timezone,
        sharing: site.sharing,
        createdAt: site.created_at,
        events: events.map((event) => ({ id: event.id, name: event.name, createdAt: event.created_at })),
        milestones: milestones.map((milestone) => ({
          id: milestone.id,
          name: milestone.name,
          date: milestone.milestone_date.slice(0, 10),
          createdAt: milestone.created_at,
        })),
      };
    }
  }
  await Promise.all(Array.from({ length: Math.min(SITES_IN_FLIGHT, sites.length) }, worker));
  return entries;
}
