/**
 * A report end to end below HTTP: runReport with the Fathom provider (the real client and governor)
 * against the in-process simulator, so the bucket format, the numbers and the totals are checked against
 * an engine that computes them; event currencies come from a real (in-memory) store.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createGovernedFathom, type GovernedFathom } from "@/lib/governor/governed-fathom";
import { testGovernor } from "@/lib/governor/test-kit";
import { defaultReportQuery, type ReportQuery } from "@/lib/query/report-query";
import { reportResultSchema } from "@/lib/query/report-result";
import { createSimulator, type Simulator } from "@/lib/simulator/simulator";
import { openTestDatabase } from "@/lib/store/db";
import type { ReportProvider } from "@/lib/reports/provider";
import { runReport } from "@/lib/reports/run-report";
import { eventCurrencies } from "@/lib/store/event-currencies";
import { createFathomClient } from "./client";
import { createFathomReportProvider } from "./report-provider";

const NOW = new Date("2025-06-18T15:30:00Z");
let simulator: Simulator;
let fathom: GovernedFathom;
let provider: ReportProvider;
let currencies: ReturnType<typeof eventCurrencies>;
let siteId: string;

beforeAll(async () => {
  simulator = createSimulator({ now: () => NOW, rateLimits: false });
  const client = createFathomClient({
    baseUrl: "http://simulator.local/v1",
    token: "sim-token",
    fetch: (input, init) => simulator.handle(new Request(input, init)),
  });
  const { governor } = await testGovernor();
  fathom = createGovernedFathom({
    client,
    tokenFingerprint: "fp",
    governor,
    settings: { closedPeriodSeconds: 86_400, openPeriodSeconds: 60, listsSeconds: 300, currentVisitorsIntervalSeconds: 15 },
  });
  currencies = eventCurrencies(await openTestDatabase());
  provider = createFathomReportProvider({ fathom, currencies });
  siteId = (await fathom.listAllSites()).data[0]!.id;
});

const sum = (values: Array<number | undefined>) => values.reduce<number>((total, value) => total + (value ?? 0), 0);

describe("runReport against the simulator", () => {
  it("answers a daily report with a comparison: every day, numbers, Fathom's own totals", async () => {
    const query: ReportQuery = {
      ...defaultReportQuery(siteId),
      metrics: ["pageviews", "visits", "uniques", "bounce_rate", "avg_duration"],
      compare: "previous_period",
    };
    const result = await runReport(query, { provider, now: NOW });
    expect(reportResultSchema.safeParse(result).success).toBe(true);
    expect(result.range.grouping).toBe("day");
    expect(result.rows).toHaveLength(30);
    expect(result.rows.map((row) => row.date)).toEqual(result.range.buckets);
    expect(result.totals.pageviews).toBeGreaterThan(0);
    // Pageviews add up; uniques do not (a page seen on two days is one unique over the month).
    expect(result.totals.pageviews).toBe(sum(result.rows.map((row) => row.values.pageviews)));
    expect(result.totals.uniques).toBeLessThanOrEqual(sum(result.rows.map((row) => row.values.uniques)));
    expect(result.totals.bounce_rate).toBeGreaterThan(0);
    expect(result.totals.bounce_rate).toBeLessThan(1);
    expect(result.comparison?.rows).toHaveLength(30);
    expect(result.comparison?.totals.pageviews).toBe(sum(result.comparison?.rows.map((row) => row.values.pageviews) ?? []));
    expect(result.meta).toMatchObject({ cached: false, stale: false });
    expect(result.meta.upstreamCalls).toBeGreaterThanOrEqual(4);

    const again = await runReport(query, { provider, now: NOW });
    expect(again.meta).toMatchObject({ cached: true, upstreamCalls: 0 });
    expect(again.totals).toEqual(result.totals);
  });

  it("answers an hourly report for today up to the current hour in the site's timezone", async () => {
    const result = await runReport({ ...defaultReportQuery(siteId), range: { preset: "today" }, metrics: ["pageviews"] }, { provider, now: NOW });
    expect(result.range.grouping).toBe("hour");
    expect(result.rows.length).toBeGreaterThan(0);
    expect(result.rows.length).toBeLessThanOrEqual(24);
    expect(result.rows.every((row) => /^\d{4}-\d{2}-\d{2} \d{2}:00:00$/.test(row.date ?? ""))).toBe(true);
    expect(result.totals.pageviews).toBe(sum(result.rows.map((row) => row.values.pageviews)));
  });

  it("answers the top pages with a filter, sorted and limited", async () => {
    const result = await runReport(
      {
        ...defaultReportQuery(siteId),
        grouping: "none",
        by: ["pathname"],
        metrics: ["pageviews", "visits"],
        filters: [{ property: "pathname", operator: "not matching", value: "^/$" }],
        limit: 5,
      },
      { provider, now: NOW },
    );
    expect(result.rows.length).toBeLessThanOrEqual(5);
    expect(result.rows.length).toBeGreaterThan(0);
    expect(result.rows.every((row) => row.fields.pathname !== "/")).toBe(true);
    const pageviews = result.rows.map((row) => row.values.pageviews ?? 0);
    expect(pageviews).toEqual([...pageviews].sort((a, b) => b - a));
    expect(result.totals.pageviews).toBeGreaterThanOrEqual(sum(pageviews));
  });

  it("answers an event report with the currency the store knows for the event, and none for another", async () => {
    const [priced, plain] = (await fathom.listAllEvents(siteId)).data;
    expect(priced?.currency).toBeNull(); // Fathom lists events without their currency
    await currencies.set(siteId, priced!.id, "euro");
    const report = (event: string) =>
      runReport({ ...defaultReportQuery(siteId), entity: "event", event, metrics: ["conversions", "value"], grouping: "none" }, { provider, now: NOW });
    const result = await report(priced!.name);
    expect(reportResultSchema.parse(result).currency).toBe("euro");
    expect(result.totals.conversions).toBeGreaterThanOrEqual(0);
    expect((await report(plain!.name)).currency).toBeNull();
  });
});
