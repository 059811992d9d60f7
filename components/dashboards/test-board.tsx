/** Dashboards for the component tests: a board of every tile kind, its saved reports and sites, and a scripted `fetch`. */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, vi } from "vitest";
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

/** A request the stubbed `fetch` of `scriptedFetch` saw. */
export type SeenRequest = { method: string; url: string };

/**
 * A stubbed `fetch` for the dashboard component tests, installed before each test and removed (with the
 * rendered tree) after it: `requests` records each request's method and URL, and it answers with the
 * answers queued by `answerNext`, in order, then with `fallback` once none are left. Call it at the top
 * level of a test file.
 */
export function scriptedFetch(fallback: () => Response) {
  const requests: SeenRequest[] = [];
  let answers: Array<() => Response> = [];
  beforeEach(() => {
    requests.length = 0;
    answers = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        requests.push({ method: init?.method ?? "GET", url: String(input) });
        return answers.shift()?.() ?? fallback();
      }),
    );
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });
  /** Replaces the queued answers: the next requests get these, in order. */
  const answerNext = (...next: Array<() => Response>) => {
    answers = next;
  };
  return { requests, answerNext };
}
