/**
 * The browser's calls to the saved-report routes, one function each, every answer parsed with the same
 * schema the route answers with (lib/reports/saved-report.ts), so a page never trusts a shape it did not
 * check. Errors are apiFetch's ApiClientError (status, code, message, field messages).
 */
import type { z } from "zod";
import { apiFetch } from "@/lib/api/client";
import {
  savedReportListSchema,
  savedReportSchema,
  type newSavedReportSchema,
  type savedReportChangeSchema,
  type SavedReport,
  type SavedReportListItem,
} from "@/lib/reports/saved-report";

export type NewSavedReport = z.input<typeof newSavedReportSchema>;
export type SavedReportChange = z.input<typeof savedReportChangeSchema>;

const reportPath = (id: number) => `/api/reports/${id}`;

export async function listSavedReportsRequest(signal?: AbortSignal): Promise<SavedReportListItem[]> {
  return savedReportListSchema.parse(await apiFetch("/api/reports", { signal })).reports;
}

export async function fetchSavedReport(id: number): Promise<SavedReport> {
  return savedReportSchema.parse(await apiFetch(reportPath(id)));
}

/** "Save" of a report not saved yet, and "Save as new". */
export async function createSavedReport(body: NewSavedReport): Promise<SavedReport> {
  return savedReportSchema.parse(await apiFetch("/api/reports", { method: "POST", body }));
}

/** A new version; with `baseVersion`, refused (409 `report_changed`) when someone saved in between. */
export async function updateSavedReport(id: number, change: SavedReportChange): Promise<SavedReport> {
  return savedReportSchema.parse(await apiFetch(reportPath(id), { method: "PATCH", body: change }));
}

export async function duplicateSavedReport(id: number): Promise<SavedReport> {
  return savedReportSchema.parse(await apiFetch(`${reportPath(id)}/duplicate`, { method: "POST" }));
}

/** A soft delete: `undeleteSavedReport` brings it back (the notice's Undo). */
export async function deleteSavedReport(id: number): Promise<void> {
  await apiFetch(reportPath(id), { method: "DELETE" });
}

export async function undeleteSavedReport(id: number): Promise<SavedReport> {
  return savedReportSchema.parse(await apiFetch(`${reportPath(id)}/undelete`, { method: "POST" }));
}

/** Restoring makes a new version with the old one's name, description and query; history is kept. */
export async function restoreSavedReportVersion(id: number, version: number): Promise<SavedReport> {
  return savedReportSchema.parse(await apiFetch(`${reportPath(id)}/versions/${version}/restore`, { method: "POST" }));
}
