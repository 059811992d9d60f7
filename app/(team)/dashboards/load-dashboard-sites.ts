import "server-only";
import type { DashboardSite } from "@/components/dashboards/tile-context";
import { toApiError } from "@/lib/api/to-api-error";
import { fathomReportProvider } from "@/lib/fathom/report-provider";

export type DashboardSites = { sites: DashboardSite[]; problem?: string };

/**
 * The sites a board names (headings, the current-visitors picker) with their timezones (whether a
 * period is over). One list request, cached for minutes by the governor; without it the board still
 * shows, its dates in UTC, and says so.
 */
export async function loadDashboardSites(): Promise<DashboardSites> {
  try {
    const provider = await fathomReportProvider();
    const sites = (await provider.listSites({ priority: "interactive" })).data;
    return { sites: sites.map(({ id, name, timezone }) => ({ id, name, timezone })) };
  } catch (error) {
    const { message } = toApiError(error, "Loading the sites for a dashboard");
    return { sites: [], problem: `The sites could not be loaded (${message}) Tiles show their sites' ids and dates in UTC until they can.` };
  }
}
