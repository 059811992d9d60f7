import "server-only";
import type { z } from "zod";
import type { User } from "@/lib/auth/users";
import { SAVED_REPORT_KIND } from "@/lib/reports/saved-reports-service";
import type { SavedReport } from "@/lib/reports/saved-report";
import { versionedDocuments, type DocumentDependencies, type DocumentKind, type SaveCheck } from "@/lib/reports/versioned-documents-service";
import { database } from "@/lib/store/db";
import { DASHBOARD_TABLES, SAVED_REPORT_TABLES, documentsRepository, type DocumentBody } from "@/lib/store/versioned-documents";
import {
  dashboardLayoutSchema,
  type Dashboard,
  type DashboardLayout,
  type dashboardChangeSchema,
  type dashboardListSchema,
  type DashboardVersion,
  type newDashboardSchema,
} from "./dashboard";
import { checkTileReports, tileReportIds } from "./tile-reports";

/**
 * Dashboards: the store behind `/api/dashboards` and the dashboard pages (server components call these
 * directly). Versions, conflicts, deletes and the audit log follow ./versioned-documents-service.ts; this
 * adds the layout and the rule that a new report tile names a saved report that exists.
 */

/**
 * The largest dashboard body the routes accept: 2 MiB. A full board is 40 text tiles of 10,000 characters;
 * at 3 bytes a character (UTF-8 for any UTF-16 unit; JSON's escapes of quotes and newlines take 2) that is
 * 1.2 MB of Markdown, plus a few KB of tiles, range and filters. Only Markdown full of control characters
 * (6-byte `\u0001` escapes) could exceed it, and is refused with 413.
 */
export const DASHBOARD_MAX_BODY_BYTES = 2 * 1024 * 1024;

export type DashboardListItem = z.infer<typeof dashboardListSchema>["dashboards"][number];

/** A stored layout is one this code wrote after parsing it: one that no longer parses is a bug (a 500), not input. */
const readLayout = (json: string | undefined): DashboardLayout => dashboardLayoutSchema.parse(JSON.parse(json ?? "null"));

const DASHBOARD_KIND: DocumentKind<Dashboard, DashboardVersion> = {
  noun: "dashboard",
  label: "dashboard",
  tables: DASHBOARD_TABLES,
  siteOf: () => "",
  toAnswer: (dashboard) => ({
    id: dashboard.id,
    name: dashboard.name,
    description: dashboard.description,
    layout: readLayout(dashboard.body.layout_json),
    version: dashboard.version,
    owner: dashboard.owner,
    createdAt: dashboard.createdAt,
    updatedAt: dashboard.updatedAt,
    updatedBy: dashboard.updatedBy,
  }),
  toVersion: (version) => ({
    version: version.version,
    name: version.name,
    description: version.description,
    layout: readLayout(version.body.layout_json),
    createdAt: version.createdAt,
    createdBy: version.createdBy,
    restoredFrom: version.restoredFrom,
  }),
};

const layoutBody = (layout: DashboardLayout): DocumentBody => ({ layout_json: JSON.stringify(layout) });

/** The check of a layout about to be saved: its new report tiles must name saved reports that are not deleted. */
const tilesCheck =
  (layout: DashboardLayout): SaveCheck<Dashboard> =>
  (trx, current) =>
    checkTileReports(documentsRepository(trx, SAVED_REPORT_TABLES), layout, current?.layout ?? null);

/** The dashboards service over its dependencies (tests pass a test database and a clock). */
export function createDashboardsService(overrides: Partial<DocumentDependencies> = {}) {
  const deps = { db: overrides.db ?? database, now: overrides.now ?? (() => new Date()) };
  const dashboards = versionedDocuments(DASHBOARD_KIND, deps);
  const reports = versionedDocuments(SAVED_REPORT_KIND, deps);

  return {
    /** Every dashboard not deleted, the latest change first, with its number of tiles. */
    async listDashboards(): Promise<DashboardListItem[]> {
      return (await dashboards.list()).map(({ layout, ...dashboard }) => ({ ...dashboard, tileCount: layout.tiles.length }));
    },

    /**
     * The dashboard and the saved reports its tiles show (those not deleted, in tile order), so a page
     * renders without a request per tile; 404 `dashboard_not_found` for an unknown or deleted one.
     */
    async getDashboard(id: number): Promise<{ dashboard: Dashboard; reports: SavedReport[] }> {
      const dashboard = await dashboards.get(id);
      return { dashboard, reports: await reports.getMany(tileReportIds(dashboard.layout)) };
    },

    /** Every version, newest first (all kept). */
    dashboardHistory: (id: number): Promise<DashboardVersion[]> => dashboards.history(id),

    /** 400 `unknown_report` when a tile names a saved report that does not exist or is deleted. */
    createDashboard: (user: User, input: z.output<typeof newDashboardSchema>): Promise<Dashboard> =>
      dashboards.create(user, { name: input.name, description: input.description, body: layoutBody(input.layout) }, tilesCheck(input.layout)),

    /**
     * A new version; 409 `dashboard_changed` when `baseVersion` is not the current one; 400 `unknown_report`
     * when a tile that is new (not in the current version) names a missing or deleted saved report.
     */
    changeDashboard: (user: User, id: number, change: z.output<typeof dashboardChangeSchema>): Promise<Dashboard> =>
      dashboards.change(
        user,
        id,
        {
          name: change.name,
          description: change.description,
          body: change.layout ? layoutBody(change.layout) : undefined,
          baseVersion: change.baseVersion,
        },
        change.layout ? tilesCheck(change.layout) : undefined,
      ),

    /** A new dashboard, "Copy of <name>", owned by `user`, with the same tiles. */
    duplicateDashboard: (user: User, id: number): Promise<Dashboard> => dashboards.duplicate(user, id),

    deleteDashboard: (user: User, id: number): Promise<{ id: number; deleted: true }> => dashboards.remove(user, id),

    /** The undo of a delete. */
    undeleteDashboard: (user: User, id: number): Promise<Dashboard> => dashboards.undelete(user, id),

    /** A new version copying `version` (its tiles as they were); 404 `version_not_found` when there is none. */
    restoreDashboardVersion: (user: User, id: number, version: number): Promise<Dashboard> => dashboards.restore(user, id, version),
  };
}

export const {
  listDashboards,
  getDashboard,
  dashboardHistory,
  createDashboard,
  changeDashboard,
  duplicateDashboard,
  deleteDashboard,
  undeleteDashboard,
  restoreDashboardVersion,
} = createDashboardsService();
