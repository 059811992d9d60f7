import "server-only";
import { mapConcurrently } from "@/lib/server/map-concurrently";
import type { SiteDirectoryEntry } from "@/lib/sites/site-directory-entry";
import type { FathomClient } from "./client";
import type { CallOptions } from "./http";

// For callers that still import the entry from here (app/(team)/sites/page.tsx); new code imports lib/sites.

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
  return mapConcurrently(sites, SITES_IN_FLIGHT, async (site): Promise<SiteDirectoryEntry> => {
    const [events, milestones] = await Promise.all([source.listAllEvents(site.id, options), source.listAllMilestones(site.id, options)]);
    return {
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
  });
}
