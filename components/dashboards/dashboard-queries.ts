/**
 * The dashboards API from the browser: one options factory per read, keys built only here (each holds
 * what it asks for), and one function per write. Answers are parsed with the contract's schemas
 * (lib/dashboards/dashboard.ts), so a page never reads a field the server did not promise.
 */
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { apiFetch } from "@/lib/api/client";
import {
  dashboardHistorySchema,
  dashboardListSchema,
  dashboardSchema,
  type Dashboard,
  type DashboardLayout,
} from "@/lib/dashboards/dashboard";
import { savedReportListSchema, savedReportSchema } from "@/lib/reports/saved-report";

export const dashboardDetailSchema = z.object({ dashboard: dashboardSchema, reports: z.array(savedReportSchema) });
export type DashboardDetail = z.infer<typeof dashboardDetailSchema>;
export type DashboardListItem = z.infer<typeof dashboardListSchema>["dashboards"][number];

export const dashboardKeys = {
  all: ["dashboards"] as const,
  list: () => [...dashboardKeys.all, "list"] as const,
  detail: (id: number) => [...dashboardKeys.all, "detail", id] as const,
  versions: (id: number) => [...dashboardKeys.all, "versions", id] as const,
  /** The saved reports a tile can show (the "add a tile" list). */
  savedReports: () => ["saved-reports", "list"] as const,
};

export function dashboardListOptions() {
  return queryOptions({
    queryKey: dashboardKeys.list(),
    queryFn: async ({ signal }) => dashboardListSchema.parse(await apiFetch("/api/dashboards", { signal })).dashboards,
  });
}

export function dashboardDetailOptions(id: number) {
  return queryOptions({
    queryKey: dashboardKeys.detail(id),
    queryFn: async ({ queryKey: [, , key], signal }) => dashboardDetailSchema.parse(await apiFetch(`/api/dashboards/${key}`, { signal })),
  });
}

export function dashboardVersionsOptions(id: number) {
  return queryOptions({
    queryKey: dashboardKeys.versions(id),
    queryFn: async ({ queryKey: [, , key], signal }) =>
      dashboardHistorySchema.parse(await apiFetch(`/api/dashboards/${key}/versions`, { signal })).versions,
  });
}

export function savedReportsOptions() {
  return queryOptions({
    queryKey: dashboardKeys.savedReports(),
    queryFn: async ({ signal }) => savedReportListSchema.parse(await apiFetch("/api/reports", { signal })).reports,
  });
}

export async function createDashboard(name: string): Promise<Dashboard> {
  return dashboardSchema.parse(await apiFetch("/api/dashboards", { method: "POST", body: { name } }));
}

export async function duplicateDashboard(id: number): Promise<Dashboard> {
  return dashboardSchema.parse(await apiFetch(`/api/dashboards/${id}/duplicate`, { method: "POST" }));
}

export async function deleteDashboard(id: number): Promise<void> {
  await apiFetch(`/api/dashboards/${id}`, { method: "DELETE" });
}

export async function undeleteDashboard(id: number): Promise<void> {
  await apiFetch(`/api/dashboards/${id}/undelete`, { method: "POST" });
}

export type DashboardChange = { name?: string; description?: string; layout?: DashboardLayout; baseVersion?: number };

export async function saveDashboard(id: number, change: DashboardChange): Promise<Dashboard> {
  return dashboardSchema.parse(await apiFetch(`/api/dashboards/${id}`, { method: "PATCH", body: change }));
}

export async function restoreDashboardVersion(id: number, version: number): Promise<void> {
  await apiFetch(`/api/dashboards/${id}/versions/${version}/restore`, { method: "POST" });
}
