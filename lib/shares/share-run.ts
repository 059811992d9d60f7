import "server-only";
import { fieldsFromZod, isApiError } from "@/lib/api/errors";
import { logError } from "@/lib/api/log";
import type { Dashboard, ReportTile, TileSize, TileView } from "@/lib/dashboards/dashboard";
import { getDashboard } from "@/lib/dashboards/dashboards-service";
import { mergeFilters, tileQuery } from "@/lib/dashboards/tile-query";
import { PRESET_MAX_DAYS, type DatePreset } from "@/lib/query/date-presets";
import { HOURLY_MAX_DAYS } from "@/lib/query/fathom-fields";
import { upgradeReportQuery } from "@/lib/query/query-upgrade";
import { MAX_FILTERS, reportQuerySchema, type ReportQuery } from "@/lib/query/report-query";
import type { ReportMilestone, ReportResult } from "@/lib/query/report-result";
import { reportTimezone } from "@/lib/query/resolve-range";
import type { ProviderSite, ReportProvider } from "@/lib/reports/provider";
import { runReport } from "@/lib/reports/run-report";
import type { SavedReport } from "@/lib/reports/saved-report";
import { getSavedReport } from "@/lib/reports/saved-reports-service";
import type { MilestoneChoice, ShareTarget } from "./share";
import { refusalError } from "./share-access";
import type { ShareReportResult, ShareTile, ShareView } from "./share-view";
import { cutQuery, describeCut } from "./share-window";
import type { PublicShare } from "./shares-service";

/**
 * A share's figures: its report (or its dashboard's tiles) run within the share's window, with its locked
 * filters added on the server, at the "share" priority. What comes out is a ShareView, which carries no
 * query: the locked filters, the site and the report's own filters never leave the server. A tile that
 * cannot show says so in words a client understands and that name nothing internal; only a target that is
 * gone altogether refuses the page.
 */

/** Transient failures (Fathom refused, the budget was spent): the view is kept only until the next refresh. */
export const SHARE_TILE_LOAD_PROBLEM = "This report could not be loaded just now. The figures will be back at the next refresh.";
const TILE_GONE = "This report is no longer part of what was shared.";
const TILE_BROKEN = "This report cannot be shown at the moment. The team that sent the link can fix it.";

/** What a share shows, read from the store: its saved report, or its dashboard with the reports its tiles name. */
export type LoadedShareTarget = { kind: "report"; report: SavedReport } | { kind: "dashboard"; dashboard: Dashboard; reports: SavedReport[] };

/** The target, or 410 `share_gone` when it was deleted (the page then says so). */
export async function loadShareTarget(target: ShareTarget): Promise<LoadedShareTarget> {
  try {
    if (target.kind === "report") return { kind: "report", report: await getSavedReport(target.id) };
    return { kind: "dashboard", ...(await getDashboard(target.id)) };
  } catch (error) {
    if (isApiError(error) && error.status === 404) throw refusalError("gone");
    throw error;
  }
}

/** The versions a view was made from (`r12@3`, `d4@7:r12@3,r13@1`): an edit of any of them changes it. */
export function targetVersions(loaded: LoadedShareTarget): string {
  const report = (saved: SavedReport) => `r${saved.id}@${saved.version}`;
  if (loaded.kind === "report") return report(loaded.report);
  return `d${loaded.dashboard.id}@${loaded.dashboard.version}:${loaded.reports.map(report).join(",")}`;
}

export type ShareRunDeps = {
  provider: ReportProvider;
  now: Date;
  /** Reads the target (default: the store); the page passes the one it already read for its cache key. */
  load?: (target: ShareTarget) => Promise<LoadedShareTarget>;
};

type Frame = { id: string; size: TileSize; view: TileView; title: string };
/** A report tile before it runs: the query it asks, or why it cannot ask anything. */
type Planned = Frame & ({ ok: true; query: ReportQuery } | { ok: false; problem: string });
type Source = { kind: "text"; tile: ShareTile } | ({ kind: "report" } & Planned);

/** The tiles a target shows, in order: a report is one full tile; a dashboard's report tiles get its scope. */
function sources(loaded: LoadedShareTarget): Source[] {
  if (loaded.kind === "report") {
    const { report } = loaded;
    const decoded = upgradeReportQuery(report.query);
    const frame: Frame = { id: "report", size: "full", view: "all", title: report.name };
    return [decoded.ok ? { kind: "report", ...frame, ok: true, query: decoded.query } : { kind: "report", ...frame, ok: false, problem: TILE_BROKEN }];
  }
  const { dashboard } = loaded;
  const reports = new Map(loaded.reports.map((report) => [report.id, report]));
  const scope = { range: dashboard.layout.range, filters: dashboard.layout.filters };
  return dashboard.layout.tiles.flatMap((tile): Source[] => {
    if (tile.kind === "text") return [{ kind: "text", tile: { kind: "text", id: tile.id, size: tile.size, markdown: tile.markdown } }];
    // A client page does not poll: current visitors would cost a request a minute for every open page.
    if (tile.kind === "current_visitors") return [];
    return [dashboardTile(tile, reports.get(tile.reportId), scope)];
  });
}

function dashboardTile(tile: ReportTile, report: SavedReport | undefined, scope: Parameters<typeof tileQuery>[2]): Source {
  const frame: Frame = { id: tile.id, size: tile.size, view: tile.view, title: report?.name ?? "Report no longer available" };
  const effective = tileQuery(tile, report, scope);
  if (effective.ok) return { kind: "report", ...frame, ok: true, query: effective.query };
  return { kind: "report", ...frame, ok: false, problem: effective.kind === "deleted" ? TILE_GONE : TILE_BROKEN };
}

/** The share's preset in place of the report's range, adjusted as a dashboard's range adjusts a tile (tile-query.ts). */
function withPreset(query: ReportQuery, preset: DatePreset): ReportQuery {
  const next: ReportQuery = { ...query, range: { preset } };
  if (next.grouping === "hour" && PRESET_MAX_DAYS[preset] > HOURLY_MAX_DAYS) next.grouping = "auto";
  if (next.compare !== "none" && preset === "all_time") next.compare = "none";
  return next;
}

function shownMilestones(milestones: ReportMilestone[], choice: MilestoneChoice): ReportMilestone[] {
  if (choice.mode === "none") return [];
  if (choice.mode === "all") return milestones;
  return milestones.filter((milestone) => choice.ids.includes(milestone.id));
}

/** The figures of a result and nothing of its query (no site, no filters) nor its meta. */
function shareResult(result: ReportResult, choice: MilestoneChoice): ShareReportResult {
  const { query } = result;
  return {
    entity: query.entity,
    metrics: query.metrics,
    by: query.by,
    chart: query.chart,
    compare: query.compare,
    range: result.range,
    rows: result.rows,
    totals: result.totals,
    ...(result.comparison ? { comparison: result.comparison } : {}),
    currency: result.currency,
    milestones: shownMilestones(result.milestones, choice),
  };
}

type RunContext = { share: PublicShare; preset: DatePreset | null; provider: ReportProvider; now: Date; sites: ProviderSite[] | null };
/** A tile as shown, with what the view's meta and window note are made of (its full result, whether it was cut). */
type RanTile = { tile: ShareTile; result: ReportResult | null; cut: boolean; comparisonOff: boolean };

const frameOf = ({ id, size, view, title }: Frame): Frame => ({ id, size, view, title });
/** A tile that ran nothing: a text, or a report tile with its problem. */
const asIs = (tile: ShareTile): RanTile => ({ tile, result: null, cut: false, comparisonOff: false });
const problemTile = (frame: Frame, problem: string): RanTile => asIs({ kind: "report", ...frameOf(frame), result: null, problem });

async function runTile(planned: Planned, { share, preset, provider, now, sites }: RunContext): Promise<RanTile> {
  if (!planned.ok) return problemTile(planned, planned.problem);
  const query = preset ? withPreset(planned.query, preset) : planned.query;
  const site = sites?.find((candidate) => candidate.id === query.site);
  // Without the site list (or with a site no longer on the account) nothing can be asked; the next refresh may.
  if (!site) return problemTile(planned, SHARE_TILE_LOAD_PROBLEM);

  const { settings } = share;
  const earliest = /^\d{4}-\d{2}-\d{2}/.exec(site.createdAt)?.[0];
  const cut = cutQuery(query, settings.window, { timezone: reportTimezone(site.timezone), now, earliest });
  if (!cut.ok) return problemTile(planned, cut.problem);
  const filters = mergeFilters(cut.query.filters, settings.lockedFilters);
  const checked = filters.length > MAX_FILTERS ? null : reportQuerySchema.safeParse({ ...cut.query, filters });
  if (!checked?.success) {
    // The messages only: a zod error carries its input, and the server log is no place for the locked filters either.
    const why = checked ? JSON.stringify(fieldsFromZod(checked.error)) : `more than ${MAX_FILTERS} filters`;
    logError(`Share ${share.id}: tile ${planned.id} does not validate with the share's window and filters`, why);
    return problemTile(planned, TILE_BROKEN);
  }
  try {
    // Not `solo`: a dashboard's tiles leave together and the governor may fold them into one request.
    const result = await runReport(checked.data, { provider, now, priority: "share" });
    const tile: ShareTile = { kind: "report", ...frameOf(planned), result: shareResult(result, settings.milestones), problem: null };
    return { tile, result, cut: cut.cut, comparisonOff: cut.comparisonOff };
  } catch (error) {
    logError(`Share ${share.id}: tile ${planned.id} could not be run`, error);
    return problemTile(planned, SHARE_TILE_LOAD_PROBLEM);
  }
}

async function siteList(provider: ReportProvider, share: PublicShare): Promise<ProviderSite[] | null> {
  try {
    return (await provider.listSites({ priority: "share" })).data;
  } catch (error) {
    logError(`Share ${share.id}: the site list could not be read`, error);
    return null;
  }
}

/** The dates every shown tile has, or null when they differ (a dashboard of reports with their own ranges). */
function commonDates(results: ReportResult[]): { startDate: string | null; endDate: string | null } {
  const [first] = results;
  if (!first) return { startDate: null, endDate: null };
  const same = results.every((result) => result.range.startDate === first.range.startDate && result.range.endDate === first.range.endDate);
  return same ? { startDate: first.range.startDate, endDate: first.range.endDate } : { startDate: null, endDate: null };
}

/**
 * The share's view with `preset` (already allowed by the window; null for the reports' own ranges). Throws
 * 410 `share_gone` when its report or dashboard was deleted.
 */
export async function buildShareView(share: PublicShare, preset: DatePreset | null, { provider, now, load = loadShareTarget }: ShareRunDeps): Promise<ShareView> {
  const loaded = await load(share.target);
  const planned = sources(loaded);
  const sites = planned.some((source) => source.kind === "report" && source.ok) ? await siteList(provider, share) : [];
  const context: RunContext = { share, preset, provider, now, sites };
  const ran = await Promise.all(planned.map((source) => (source.kind === "text" ? asIs(source.tile) : runTile(source, context))));

  const results = ran.flatMap((entry) => (entry.result ? [entry.result] : []));
  const fetched = results.map((result) => result.meta.fetchedAt).sort();
  const { settings } = share;
  return {
    title: loaded.kind === "report" ? loaded.report.name : loaded.dashboard.name,
    clientName: settings.clientName,
    lockedLabel: settings.lockedLabel,
    intro: settings.branding.intro,
    accent: settings.branding.accent,
    madeWith: settings.branding.madeWith,
    hasLogo: share.hasLogo,
    window: {
      presets: settings.window.presets,
      current: preset,
      ...commonDates(results),
      cut: describeCut(settings.window, {
        cut: ran.some((entry) => entry.cut),
        comparisonOff: ran.some((entry) => entry.comparisonOff),
      }),
    },
    tiles: ran.map((entry) => entry.tile),
    fetchedAt: fetched[0] ?? now.toISOString(),
    stale: results.some((result) => result.meta.stale),
  };
}
