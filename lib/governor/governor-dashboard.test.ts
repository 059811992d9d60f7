/**
 * A dashboard end to end below HTTP: its tiles run through runReport, the Fathom provider and the
 * governor against the in-process simulator, so folding is checked against an engine that computes each
 * answer (a folded tile must show exactly what it shows when asked alone), and its cost is counted where
 * Fathom would count it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createFathomClient } from "@/lib/fathom/client";
import { createFathomReportProvider } from "@/lib/fathom/report-provider";
import type { ReportQuery } from "@/lib/query/report-query";
import { runReport } from "@/lib/reports/run-report";
import { createSimulator, type Simulator } from "@/lib/simulator/simulator";
import { openTestDatabase } from "@/lib/store/db";
import { eventCurrencies } from "@/lib/store/event-currencies";
import { createGovernedFathom } from "./governed-fathom";
import { testGovernor } from "./test-kit";
import { weeklyDashboardTiles } from "./weekly-dashboard";

const NOW = new Date("2025-06-18T15:30:00Z");
const settings = { closedPeriodSeconds: 86_400, openPeriodSeconds: 60, listsSeconds: 300, currentVisitorsIntervalSeconds: 15 };
let simulator: Simulator;
let currencies: ReturnType<typeof eventCurrencies>;

/** A Sounding wired to the simulator with its own governor (own cache, own folding). */
async function sounding(foldWindowMs: number) {
  const client = createFathomClient({
    baseUrl: "http://simulator.local/v1",
    token: "sim-token",
    fetch: (input, init) => simulator.handle(new Request(input, init)),
  });
  const { governor } = await testGovernor({ foldWindowMs, reportsPerMinute: 1_000 });
  const fathom = createGovernedFathom({ client, tokenFingerprint: "fp", governor, settings, now: () => NOW.getTime() });
  const provider = createFathomReportProvider({ fathom, currencies });
  return { fathom, run: (query: ReportQuery) => runReport(query, { provider, now: NOW }) };
}

/** The weekly dashboard's eight queries: two pairs differ only in metrics, and every grouped tile's totals fold with the headline figures. */
const tiles = (site: string, eventName: string): ReportQuery[] => weeklyDashboardTiles(site, eventName).map((tile) => tile.query);

const aggregationsSent = () => simulator.control.requests().filter((entry) => entry.path.endsWith("/aggregations")).length;

beforeAll(async () => {
  simulator = createSimulator({ now: () => NOW, rateLimits: false });
  currencies = eventCurrencies(await openTestDatabase());
});

describe("a dashboard through the governor", () => {
  it("costs its distinct folded questions once, however many viewers open it, and each tile shows what it shows alone", async () => {
    const { fathom, run } = await sounding(25);
    const site = (await fathom.listAllSites()).data[0]!.id;
    const eventName = (await fathom.listAllEvents(site)).data[0]!.name;
    const dashboard = tiles(site, eventName);
    const before = aggregationsSent();

    const viewers = await Promise.all(Array.from({ length: 5 }, () => Promise.all(dashboard.map(run))));
    // Headline figures and every grouped tile's totals (the goal's site visits among them), the two daily
    // series, the two top-pages tiles, sources, countries and the goal's series, whose completions and value
    // are summed for its totals: 6 questions (12 without folding).
    expect(aggregationsSent() - before).toBe(6);
    const again = await Promise.all(dashboard.map(run));
    expect(again.every((tile) => tile.meta.cached && tile.meta.upstreamCalls === 0)).toBe(true);
    expect(aggregationsSent() - before).toBe(6);

    for (const [index, query] of dashboard.entries()) {
      const alone = await (await sounding(0)).run(query);
      for (const viewer of viewers) {
        expect(viewer[index]!.rows).toEqual(alone.rows);
        expect(viewer[index]!.totals).toEqual(alone.totals);
      }
      expect(alone.rows.length).toBeGreaterThan(0);
    }
  });
});
