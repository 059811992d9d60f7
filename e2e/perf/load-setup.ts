/**
 * What the load bench (./load.bench.ts) sets up through Sounding's own API before it measures: the weekly
 * dashboard's reports saved and placed on a dashboard (lib/governor/weekly-dashboard.ts, as the budget
 * bench asks them), a client share of that dashboard, two saved reports for the explorers, and the
 * explorers' own accounts (invites). Also the distinct upstream questions all of it needs, counted by the
 * rule the governor folds by (./budget-dashboard.ts), and the simulator's request log.
 */
import { canonicalReportQuery } from "../../lib/query/stored-query";
import type { DatePreset } from "../../lib/query/date-presets";
import type { ReportQuery } from "../../lib/query/report-query";
import { encodeReportQuery } from "../../lib/query/url-codec";
import { weeklyDashboardTiles, type WeeklyDashboardTile } from "../../lib/governor/weekly-dashboard";
import type { BenchStack } from "./bench-server";
import { distinctQuestions, type DashboardSite, type SimLogEntry } from "./budget-dashboard";
import { cookiesOf, jsonHeaders } from "../support/team";

/** The ranges the share lets its viewers switch between; the page opens on the first. */
export const SHARE_PRESETS = ["last_30_days", "last_7_days"] as const satisfies readonly DatePreset[];

/** A write as a browser on our own origin sends it, as the admin unless `cookie` says otherwise (null: signed out). */
async function post<T>(stack: BenchStack, path: string, body: unknown, cookie: string | null = stack.cookie): Promise<{ answer: T; response: Response }> {
  const response = await fetch(`${stack.appUrl}${path}`, { method: "POST", headers: jsonHeaders(stack.appUrl, cookie ?? undefined), body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
  return { answer: (await response.json()) as T, response };
}

const saveReport = async (stack: BenchStack, name: string, query: ReportQuery) =>
  (await post<{ id: number }>(stack, "/api/reports", { name, description: "", query: canonicalReportQuery(query) })).answer.id;

export async function benchSite(stack: BenchStack, siteId: string): Promise<DashboardSite> {
  const answer = (await (await fetch(`${stack.appUrl}/api/sites`, { headers: { cookie: stack.cookie } })).json()) as { sites?: DashboardSite[] };
  const site = answer.sites?.find((candidate) => candidate.id === siteId);
  if (!site) throw new Error(`the simulator has no site ${siteId}`);
  return site;
}

/**
 * The explorers' two saved queries: top pages and sources over last month. A closed period, so the
 * governor keeps their answers for a day and they cost their distinct questions once in the whole run,
 * as the share's figures do within its refresh interval (an open period would be fetched again every
 * CACHE_OPEN_PERIOD_SECONDS, and "upstream = distinct queries" would have to count freshness periods).
 */
function explorerTiles(tiles: WeeklyDashboardTile[]): WeeklyDashboardTile[] {
  return ["Top pages", "Sources"].map((title) => {
    const tile = tiles.find((candidate) => candidate.title === title)!;
    return { title: `${title}, last month`, query: { ...tile.query, range: { preset: "last_month" } } };
  });
}

/** Saves the reports, the dashboard and its share; answers the share's slug and the explorers' report URLs. */
export async function setUpLoad(stack: BenchStack, site: DashboardSite) {
  const tiles = weeklyDashboardTiles(site.id, site.events?.[0]?.name);
  const reportIds: number[] = [];
  for (const tile of tiles) reportIds.push(await saveReport(stack, tile.title, tile.query));
  const { answer: dashboard } = await post<{ id: number }>(stack, "/api/dashboards", {
    name: "Load test dashboard",
    description: "",
    layout: {
      tiles: reportIds.map((reportId, index) => ({ id: `tile${index}00`, size: "medium", kind: "report", reportId, view: "all", pinRange: false, pinFilters: false })),
      range: null,
      filters: [],
    },
  });
  const { answer: share } = await post<{ slug: string; url: string }>(stack, "/api/shares", {
    target: { kind: "dashboard", id: dashboard.id },
    settings: {
      clientName: "Load Test Client",
      window: { presets: [...SHARE_PRESETS], defaultPreset: SHARE_PRESETS[0], floor: null, ceiling: null },
      lockedFilters: [],
      lockedLabel: "",
      milestones: { mode: "all" },
      branding: { accent: null, intro: "", madeWith: true },
      embedOrigins: [],
      refreshMinutes: 15,
    },
  });
  const explorers = explorerTiles(tiles);
  for (const tile of explorers) await saveReport(stack, tile.title, tile.query);

  // What each side asks Fathom: the share's tiles in each of its ranges (the page and the data route ask the
  // same), the explorers' two queries; and all of it together, in case some questions coincide.
  const shareQuestions = SHARE_PRESETS.flatMap((preset) => tiles.map((tile) => ({ ...tile, query: { ...tile.query, range: { preset } } })));
  const now = new Date();
  return {
    slug: share.slug,
    shareUrl: share.url,
    dashboardId: dashboard.id,
    tiles: tiles.map((tile) => tile.title),
    explorerQueries: explorers.map((tile) => tile.title),
    explorerUrls: explorers.map((tile) => `${stack.appUrl}/api/reports/run?${encodeReportQuery(tile.query)}&solo=1`),
    distinct: {
      share: distinctQuestions(shareQuestions, site, now),
      explorers: distinctQuestions(explorers, site, now),
      all: distinctQuestions([...shareQuestions, ...explorers], site, now),
    },
  };
}

/**
 * One signed-in account per explorer, alternately editor and viewer, through invites (the admin invites,
 * the explorer joins and is signed in). When invites fail, every explorer uses the admin's cookie: `how` says which.
 */
export async function explorerCookies(stack: BenchStack, count: number): Promise<{ cookies: string[]; how: string }> {
  try {
    const cookies: string[] = [];
    for (let index = 0; index < count; index++) {
      const role = index % 2 === 0 ? "editor" : "viewer";
      const { answer: invite } = await post<{ url: string }>(stack, "/api/invites", { role });
      const token = new URL(invite.url).pathname.split("/").pop()!;
      const who = { name: `Explorer ${index + 1}`, email: `explorer${index + 1}@load.example`, password: `explorer password ${index + 1}` };
      const { response } = await post(stack, `/api/invites/${token}`, who, null);
      cookies.push(cookiesOf(response));
    }
    return { cookies, how: `${count} accounts of their own (invites), editors and viewers alternately` };
  } catch (error) {
    return { cookies: Array.from({ length: count }, () => stack.cookie), how: `all on the admin's cookie (invites failed: ${(error as Error).message})` };
  }
}

/** The simulator's whole request log; its length is the mark a phase's upstream requests are counted from. */
export async function simulatorLog(stack: BenchStack): Promise<SimLogEntry[]> {
  return (await (await fetch(`${stack.simUrl}/_sim/requests`)).json()) as SimLogEntry[];
}

/**
 * Upstream requests in log[from, to): aggregations (the report class), everything else, those the simulator
 * refused, and every aggregation asked more than once with the very same parameters (its path and query).
 */
export function upstreamBetween(log: SimLogEntry[], from: number, to: number = log.length) {
  const entries = log.slice(from, to);
  const aggregations = entries.filter((entry) => entry.path.includes("/aggregations"));
  const asked = new Map<string, number>();
  for (const entry of aggregations) {
    const question = `${entry.path}?${new URLSearchParams(Object.entries(entry.query ?? {}).sort(([a], [b]) => a.localeCompare(b)))}`;
    asked.set(question, (asked.get(question) ?? 0) + 1);
  }
  return {
    aggregations: aggregations.length,
    other: entries.length - aggregations.length,
    refused: entries.filter((entry) => entry.status < 200 || entry.status > 299).length,
    repeated: [...asked].filter(([, times]) => times > 1).map(([question, times]) => ({ question, times })),
  };
}
