import "server-only";
import type { TargetSite } from "@/components/shares/settings/milestone-fields";
import { isApiError } from "@/lib/api/errors";
import { getDashboard } from "@/lib/dashboards/dashboards-service";
import { getSavedReport } from "@/lib/reports/saved-reports-service";
import type { Share, ShareTarget } from "@/lib/shares/share";
import { loadDashboardSites } from "../../dashboards/load-dashboard-sites";

export type LoadedTarget = { target: Share["target"]; sites: TargetSite[] };

/** The sites a target reads: its report's, or those of the dashboard's reports (each once); null when it is gone. */
async function targetSites(target: ShareTarget): Promise<{ name: string; siteIds: string[] } | null> {
  try {
    if (target.kind === "report") {
      const report = await getSavedReport(target.id);
      return { name: report.name, siteIds: [report.siteId] };
    }
    const { dashboard, reports } = await getDashboard(target.id);
    return { name: dashboard.name, siteIds: [...new Set(reports.map((report) => report.siteId))] };
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

/**
 * What a share points at, named, with the sites whose milestones it may show (for "Chosen milestones").
 * A deleted target has no name and no sites. Site names come from the governor's cached list; without
 * it the ids stand in.
 */
export async function loadShareTarget(target: ShareTarget): Promise<LoadedTarget> {
  const [found, { sites }] = await Promise.all([targetSites(target), loadDashboardSites()]);
  const names = new Map(sites.map((site) => [site.id, site.name]));
  return {
    target: { kind: target.kind, id: target.id, name: found?.name ?? null },
    sites: (found?.siteIds ?? []).map((id) => ({ id, name: names.get(id) ?? id })),
  };
}
