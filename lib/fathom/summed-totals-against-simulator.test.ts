/**
 * The plan sums the totals of additive metrics from the date buckets instead of asking Fathom for them
 * (lib/query/to-aggregation-params.ts). Here the sums are checked against the ungrouped answers of the
 * simulator, for every date grouping, with and without filters, for pageviews and for an event.
 */
import { describe, expect, it } from "vitest";
import { createSimulator } from "@/lib/simulator/simulator";
import { defaultReportQuery, type ReportQuery } from "@/lib/query/report-query";
import { planReport, toAggregationParams } from "@/lib/query/to-aggregation-params";
import type { Aggregate } from "@/lib/query/fathom-fields";
import { createFathomClient } from "./client";

const NOW = new Date("2025-06-15T12:00:00Z");

function client() {
  const simulator = createSimulator({ seed: 11, now: () => NOW, rateLimits: false });
  return createFathomClient({ baseUrl: "http://simulator.local/v1", token: "sim-token", fetch: (input, init) => simulator.handle(new Request(input, init)) });
}

const RANGES: Array<[ReportQuery["range"], ReportQuery["grouping"]]> = [
  [{ preset: "custom", from: "2025-06-10", to: "2025-06-11" }, "hour"],
  [{ preset: "last_30_days" }, "day"],
  [{ preset: "custom", from: "2024-06-01", to: "2025-05-31" }, "month"],
  [{ preset: "all_time" }, "year"],
];

describe("totals summed from date buckets equal Fathom's ungrouped totals (simulator)", () => {
  it("for pageviews and visits, every grouping, with and without a filter, in each site's timezone", async () => {
    const fathom = client();
    const sites = await fathom.listAllSites();
    let compared = 0;
    for (const site of sites.slice(0, 3)) {
      for (const [range, grouping] of RANGES) {
        for (const filters of [[], [{ property: "device_type" as const, operator: "is" as const, value: "Desktop" }]]) {
          const query: ReportQuery = { ...defaultReportQuery(site.id), metrics: ["pageviews", "visits"], range, grouping, filters };
          const options = { timezone: site.timezone ?? "UTC", now: NOW, earliest: site.created_at.slice(0, 10) };
          const plan = planReport(query, options);
          expect(plan.sumTotals).toBe(true);
          expect(plan.totals).toBeNull();
          const buckets = await fathom.aggregate(plan.main);
          const [whole] = await fathom.aggregate(toAggregationParams(query, plan.range, { ungrouped: true }));
          for (const metric of query.metrics) {
            const sum = buckets.reduce((total, row) => total + Number(row[metric] ?? 0), 0);
            expect(sum, `${site.id} ${grouping} ${metric} ${filters.length ? "filtered" : ""}`).toBe(Number(whole?.[metric] ?? 0));
          }
          if (Number(whole?.pageviews ?? 0) > 0) compared++;
        }
      }
    }
    expect(compared).toBeGreaterThanOrEqual(16);
  });

  it("for an event's conversions and value", async () => {
    const fathom = client();
    const sites = await fathom.listAllSites();
    let compared = 0;
    for (const site of sites) {
      const events = await fathom.listAllEvents(site.id);
      for (const event of events.slice(0, 1)) {
        for (const [range, grouping] of RANGES.slice(0, 3)) {
          const metrics: Aggregate[] = ["conversions", "value"];
          const query: ReportQuery = { ...defaultReportQuery(site.id), entity: "event", event: event.name, metrics, range, grouping };
          const plan = planReport(query, { timezone: site.timezone ?? "UTC", now: NOW });
          expect(plan.sumTotals).toBe(true);
          const buckets = await fathom.aggregate(plan.main);
          const [whole] = await fathom.aggregate(toAggregationParams(query, plan.range, { ungrouped: true }));
          for (const metric of metrics) {
            const sum = buckets.reduce((total, row) => total + Number(row[metric] ?? 0), 0);
            expect(sum, `${site.id} ${event.name} ${grouping} ${metric}`).toBe(Number(whole?.[metric] ?? 0));
          }
          if (Number(whole?.conversions ?? 0) > 0) compared++;
        }
      }
    }
    expect(compared).toBeGreaterThanOrEqual(3);
  });
});
