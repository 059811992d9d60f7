import "server-only";
import type { BuilderSite } from "@/components/query-builder/builder-site";
import type { ApiErrorBody } from "@/lib/api/errors";
import { toApiError } from "@/lib/api/to-api-error";
import { fathomReportProvider } from "@/lib/fathom/report-provider";
import { mapConcurrently } from "@/lib/server/map-concurrently";

/** Sites whose events are listed at once (each list may span pages); well under Fathom's concurrency of 5. */
const SITES_IN_FLIGHT = 3;

export type ExploreSites = { sites: BuilderSite[] } | { error: ApiErrorBody["error"] };

/**
 * The sites the builder offers, each with its events, from the provider reports run with (lists cached
 * for minutes by the governor and dropped when someone edits them), in Fathom's order. Each event carries
 * the currency a report on it answers with (Fathom's, else the one last set through Sounding). Milestones
 * are not needed here: a report's answer carries those inside its range.
 */
export async function loadExploreSites(): Promise<ExploreSites> {
  try {
    const provider = await fathomReportProvider();
    const sites = (await provider.listSites({ priority: "interactive" })).data;
    const result = await mapConcurrently(sites, SITES_IN_FLIGHT, async (site): Promise<BuilderSite> => {
      const events = (await provider.listEvents(site.id, { priority: "interactive" })).data;
      return { id: site.id, name: site.name, timezone: site.timezone, events: events.map(({ id, name, currency }) => ({ id, name, currency })) };
    });
    return { sites: result };
  } catch (error) {
    return { error: toApiError(error, "Loading the sites for Explore").toBody().error };
  }
}
