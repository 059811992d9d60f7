import "server-only";
import type { z } from "zod";
import { logError } from "@/lib/api/log";
import type { User } from "@/lib/auth/users";
import { upgradeReportQuery } from "@/lib/query/query-upgrade";
import type { ReportQuery } from "@/lib/query/report-query";
import { storeReportQuery } from "@/lib/query/stored-query";
import { database } from "@/lib/store/db";
import { SAVED_REPORT_TABLES, type DocumentBody } from "@/lib/store/versioned-documents";
import type { newSavedReportSchema, savedReportChangeSchema, SavedReport, SavedReportListItem, SavedReportVersion } from "./saved-report";
import { reportPreview } from "./report-preview";
import { versionedDocuments, type DocumentDependencies, type DocumentKind } from "./versioned-documents-service";

/**
 * Saved reports: the store behind `/api/reports` and the report pages (server components call these
 * directly). The rules of versions, conflicts, deletes and the audit log are ./versioned-documents-service.ts;
 * this adds what is a report's own: its query, kept in the canonical stored form, and its site.
 */

/** A stored query as kept, not parsed: a report that no longer validates still opens and says why. */
function storedQuery(json: string | undefined): unknown {
  try {
    return JSON.parse(json ?? "null");
  } catch {
    return null;
  }
}

/** How saved reports are stored and answered; the dashboards service reads its tiles' reports with it. */
export const SAVED_REPORT_KIND: DocumentKind<SavedReport, SavedReportVersion> = {
  noun: "report",
  label: "saved report",
  tables: SAVED_REPORT_TABLES,
  siteOf: (body) => body.site_id ?? "",
  toAnswer: (report) => ({
    id: report.id,
    name: report.name,
    description: report.description,
    siteId: report.body.site_id ?? "",
    query: storedQuery(report.body.query_json),
    version: report.version,
    owner: report.owner,
    createdAt: report.createdAt,
    updatedAt: report.updatedAt,
    updatedBy: report.updatedBy,
  }),
  toVersion: (version) => ({
    version: version.version,
    name: version.name,
    description: version.description,
    query: storedQuery(version.body.query_json),
    createdAt: version.createdAt,
    createdBy: version.createdBy,
    restoredFrom: version.restoredFrom,
  }),
};

const queryBody = (query: ReportQuery): DocumentBody => ({ site_id: query.site, query_json: storeReportQuery(query) });

export type SavedReportPreview = (query: ReportQuery) => Promise<SavedReportListItem["preview"]>;
export type SavedReportsDependencies = DocumentDependencies & {
  /**
   * The headline figure of a report's first metric, read from the answer cache only: listing reports never
   * spends a Fathom request. Null when no answer is cached.
   */
  preview: SavedReportPreview;
};


/** The saved reports service over its dependencies (tests pass a test database, a clock and a fake preview). */
export function createSavedReportsService(overrides: Partial<SavedReportsDependencies> = {}) {
  const { db = database, now = () => new Date(), preview = reportPreview } = overrides;
  const reports = versionedDocuments(SAVED_REPORT_KIND, { db, now });

  /** A preview that fails (or a query that no longer validates) is shown as none: the list still opens. */
  async function previewOf(report: SavedReport): Promise<SavedReportListItem["preview"]> {
    const decoded = upgradeReportQuery(report.query);
    if (!decoded.ok) return null;
    try {
      return await preview(decoded.query);
    } catch (error) {
      logError("Could not read a saved report's preview", error);
      return null;
    }
  }

  return {
    /** Every saved report not deleted, the latest change first, each with its preview. */
    async listSavedReports(): Promise<SavedReportListItem[]> {
      const list = await reports.list();
      return Promise.all(list.map(async (report) => ({ ...report, preview: await previewOf(report) })));
    },

    /** 404 `report_not_found` for an unknown or deleted report. */
    getSavedReport: (id: number): Promise<SavedReport> => reports.get(id),

    /** Every version, newest first (all kept). */
    savedReportHistory: (id: number): Promise<SavedReportVersion[]> => reports.history(id),

    createSavedReport: (user: User, input: z.output<typeof newSavedReportSchema>): Promise<SavedReport> =>
      reports.create(user, { name: input.name, description: input.description, body: queryBody(input.query) }),

    /** A new version; 409 `report_changed` when `baseVersion` is not the current one; a change to nothing is no version. */
    changeSavedReport: (user: User, id: number, change: z.output<typeof savedReportChangeSchema>): Promise<SavedReport> =>
      reports.change(user, id, {
        name: change.name,
        description: change.description,
        body: change.query ? queryBody(change.query) : undefined,
        baseVersion: change.baseVersion,
      }),

    /** A new report, "Copy of <name>", owned by `user`. */
    duplicateSavedReport: (user: User, id: number): Promise<SavedReport> => reports.duplicate(user, id),

    deleteSavedReport: (user: User, id: number): Promise<{ id: number; deleted: true }> => reports.remove(user, id),

    /** The undo of a delete. */
    undeleteSavedReport: (user: User, id: number): Promise<SavedReport> => reports.undelete(user, id),

    /** A new version copying `version`; 404 `version_not_found` when there is none. */
    restoreSavedReportVersion: (user: User, id: number, version: number): Promise<SavedReport> => reports.restore(user, id, version),
  };
}

export const {
  listSavedReports,
  getSavedReport,
  savedReportHistory,
  createSavedReport,
  changeSavedReport,
  duplicateSavedReport,
  deleteSavedReport,
  undeleteSavedReport,
  restoreSavedReportVersion,
} = createSavedReportsService();
