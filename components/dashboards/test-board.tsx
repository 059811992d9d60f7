/** Dashboards for the component tests: a board of every tile kind, its saved reports and sites. */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import type { Dashboard, DashboardLayout, Tile } from "@/lib/dashboards/dashboard";
import { canonicalReportQuery } from "@/lib/query/stored-query";
import { defaultReportQuery, type ReportQuery } from "@/lib/query/report-query";
import type { SavedReport } from "@/lib/reports/saved-report";
import type { DashboardDetail } from "./dashboard-queries";
import type { DashboardSite } from "./tile-context";

export const SITES: DashboardSite[] = [{ id: "CDBUGS", name: "Acme blog", timezone: "Europe/Berlin" }];

const alice = { id: 1, name: "Alice" };

export function savedReport(id: number, name: string, query: Partial<ReportQuery> = {}): SavedReport {
  return {
    id,
    name,
    description: "",
    siteId: "CDBUGS",
    query: canonicalReportQuery({ ...defaultReportQuery("CDBUGS"), grouping: "day", ...query }),
    version: 1,
    owner: alice,
    createdAt: "2024-05-01T10:00:00.000Z",
    updatedAt: "2024-05-01T10:00:00.000Z",
    updatedBy: alice,
  };
}

export const reportTile = (id: string, reportId: number, extra: Partial<Extract<Tile, { kind: "report" }>> = {}): Tile => ({
  id,
  kind: "report",
  size: "medium",
  reportId,
  view: "cards",
  pinRange: false,
  pinFilters: false,
  ...extra,
});
export const textTile = (id: string, markdown: string): Tile => ({ id, kind: "text", size: "small", markdown });
export const liveTile = (id: string): Tile => ({ id, kind: "current_visitors", size: "small", site: "CDBUGS" });

export function dashboard(layout: Partial<DashboardLayout> = {}, extra: Partial<Dashboard> = {}): Dashboard {
  return {
    id: 4,
    name: "Weekly",
    description: "Monday's numbers",
    layout: { tiles: [], range: null, filters: [], ...layout },
    version: 3,
    owner: alice,
    createdAt: "2024-05-01T10:00:00.000Z",
    updatedAt: "2024-05-02T10:00:00.000Z",
    updatedBy: alice,
    ...extra,
  };
}

export function detail(layout: Partial<DashboardLayout>, reports: SavedReport[]): DashboardDetail {
  return { dashboard: dashboard(layout), reports };
}

/** Renders with a fresh query client like the app's (createQueryClient), except that it never retries. */
export function renderWithClient(node: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: false, refetchOnWindowFocus: false } } });
  return { client, ...render(<QueryClientProvider client={client}>{node}</QueryClientProvider>) };
}
