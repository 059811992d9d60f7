import "server-only";
import { logError } from "@/lib/api/log";
import { fathomReportProvider } from "@/lib/fathom/report-provider";
import type { ProviderEvent, ProviderSite } from "@/lib/reports/provider";

/**
 * The account's sites (names and timezones), through the provider reports run with (the governor's
 * cached list, so the Reports page costs no request once the list is warm); null when Fathom cannot be
 * asked right now (no token, the budget, an outage): pages then show site ids and say so.
 */
export async function loadReportSites(): Promise<ProviderSite[] | null> {
  try {
    const provider = await fathomReportProvider();
    return (await provider.listSites({ priority: "interactive" })).data;
  } catch (error) {
    logError("Could not list the sites for saved reports", error);
    return null;
  }
}

/** A site's events (cached like the sites); null when they cannot be listed right now. */
export async function loadSiteEvents(siteId: string): Promise<ProviderEvent[] | null> {
  try {
    const provider = await fathomReportProvider();
    return (await provider.listEvents(siteId, { priority: "interactive" })).data;
  } catch (error) {
    logError(`Could not list the events of ${siteId} for a saved report`, error);
    return null;
  }
}
