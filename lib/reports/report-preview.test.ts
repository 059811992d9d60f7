/**
 * The reports list's preview figure: read from what the governor keeps, never from Fathom. Run against
 * the in-process simulator through the real governor, so "no request" is counted where Fathom counts it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createFathomClient } from "@/lib/fathom/client";
import { createFathomReportProvider } from "@/lib/fathom/report-provider";
import { createGovernedFathom } from "@/lib/governor/governed-fathom";
import { testGovernor } from "@/lib/governor/test-kit";
import { defaultReportQuery, type ReportQuery } from "@/lib/query/report-query";
import { createSimulator, type Simulator } from "@/lib/simulator/simulator";
import { openTestDatabase } from "@/lib/store/db";
import { eventCurrencies } from "@/lib/store/event-currencies";
import { reportPreview } from "./report-preview";
import { runReport } from "./run-report";

const NOW = new Date("2025-06-18T15:30:00Z");
const settings = { closedPeriodSeconds: 86_400, openPeriodSeconds: 60, listsSeconds: 300, currentVisitorsIntervalSeconds: 15 };
let simulator: Simulator;

async function stack() {
  const client = createFathomClient({
    baseUrl: "http://simulator.local/v1",
    token: "sim-token",
    fetch: (input, init) => simulator.handle(new Request(input, init)),
  });
  const { governor } = await testGovernor({ reportsPerMinute: 1_000 });
  const fathom = createGovernedFathom({ client, tokenFingerprint: "fp", governor, settings, now: () => NOW.getTime() });
  const provider = createFathomReportProvider({ fathom, currencies: eventCurrencies(await openTestDatabase()) });
  return { fathom, run: (query: ReportQuery) => runReport(query, { provider, now: NOW }) };
}

const aggregationsSent = () => simulator.control.requests().filter((entry) => entry.path.endsWith("/aggregations")).length;

beforeAll(() => {
  simulator = createSimulator({ now: () => NOW, rateLimits: false });
});

describe("reportPreview", () => {
  it("shows nothing, and asks Fathom nothing, for a report nobody ran", async () => {
    const { fathom } = await stack();
    const site = (await fathom.listAllSites()).data[0]!.id;
    const before = aggregationsSent();
    expect(await reportPreview({ ...defaultReportQuery(site), grouping: "day" }, { reads: fathom, now: NOW })).toBeNull();
    expect(aggregationsSent()).toBe(before);
  });

  it("shows the report's headline total once it has been run, without a request of its own", async () => {
    const { fathom, run } = await stack();
    const site = (await fathom.listAllSites()).data[0]!.id;
    const query: ReportQuery = { ...defaultReportQuery(site), metrics: ["pageviews", "visits"], grouping: "day", by: ["pathname"] };
    const result = await run(query);
    const before = aggregationsSent();
    const preview = await reportPreview(query, { reads: fathom, now: NOW });
    expect(aggregationsSent()).toBe(before);
    expect(preview).toEqual({ metric: "pageviews", value: result.totals.pageviews, fetchedAt: expect.any(String) });
    expect(preview!.value).toBeGreaterThan(0);
  });

  it("reads a figure folded into a wider answer (a dashboard tile asked for more metrics)", async () => {
    const { fathom, run } = await stack();
    const site = (await fathom.listAllSites()).data[0]!.id;
    const wide = await run({ ...defaultReportQuery(site), metrics: ["visits", "uniques", "bounce_rate"], grouping: "none" });
    const preview = await reportPreview({ ...defaultReportQuery(site), metrics: ["uniques"], grouping: "none" }, { reads: fathom, now: NOW });
    expect(preview?.value).toBe(wide.totals.uniques);
  });

  it("shows nothing for a site that is not on the account", async () => {
    const { fathom } = await stack();
    expect(await reportPreview(defaultReportQuery("NOSUCHSITE"), { reads: fathom, now: NOW })).toBeNull();
  });
});
