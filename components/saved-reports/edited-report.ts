/**
 * The saved report Explore is editing, as the save bar needs it: which report and version, and its query
 * read through the upgrade (null, with the reasons, when it no longer validates: saving from Explore then
 * repairs it). Isomorphic: the page builds it from the service's answer, the bar from the API's.
 */
import { upgradeReportQuery } from "@/lib/query/query-upgrade";
import type { ReportQuery } from "@/lib/query/report-query";
import type { SavedReport } from "@/lib/reports/saved-report";

export type EditedReport = Pick<SavedReport, "id" | "name" | "description" | "version"> & {
  query: ReportQuery | null;
  /** Why the stored query cannot be read; empty when it can. */
  problems: string[];
};

export function editedReport(saved: SavedReport): EditedReport {
  const read = upgradeReportQuery(saved.query);
  return {
    id: saved.id,
    name: saved.name,
    description: saved.description,
    version: saved.version,
    query: read.ok ? read.query : null,
    problems: read.ok ? [] : [...new Set(Object.values(read.errors).flat())],
  };
}
