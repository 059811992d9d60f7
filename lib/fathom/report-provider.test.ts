import { describe, expect, it } from "vitest";
import type { AnswerMeta } from "@/lib/governor/answer-meta";
import type { AggregationParams } from "@/lib/query/aggregation-params";
import { openTestDatabase } from "@/lib/store/db";
import { eventCurrencies } from "@/lib/store/event-currencies";
import type { AggregationRow } from "./aggregations";
import type { FathomEvent } from "./events";
import { createFathomReportProvider, toProviderRow, type FathomReportReads } from "./report-provider";

const meta: AnswerMeta = {
  fetchedAt: "2024-05-15T15:59:00.000Z",
  freshUntil: "2024-05-15T16:04:00.000Z",
  cached: true,
  stale: false,
  shared: true,
};
const served = { fetchedAt: meta.fetchedAt, cached: true, stale: false, shared: true };

const event = (id: string, currency: FathomEvent["currency"] = null): FathomEvent => ({
  id,
  object: "event",
  name: `Event ${id}`,
  currency,
  created_at: "2024-01-02 00:00:00",
});

/** Fake governed reads: the given rows and events, every call recorded. */
function fakeFathom(rows: AggregationRow[] = [], events: FathomEvent[] = []) {
  const calls: unknown[][] = [];
  const fathom: FathomReportReads = {
    aggregate: async (...args) => {
      calls.push(["aggregate", ...args]);
      return { data: rows, meta };
    },
    listAllSites: async (...args) => {
      calls.push(["sites", ...args]);
      const sites = [
        { id: "S1", object: "site" as const, name: "One", sharing: "none" as const, created_at: "2022-03-01 10:00:00", timezone: "Europe/Berlin" },
        { id: "S2", object: "site" as const, name: "Two", sharing: "public" as const, created_at: "2023-01-01 00:00:00", timezone: null },
      ];
      return { data: sites, meta };
    },
    listAllEvents: async (...args) => {
      calls.push(["events", ...args]);
      return { data: events, meta };
    },
    listAllMilestones: async (...args) => {
      calls.push(["milestones", ...args]);
      const milestone = { id: "M1", object: "milestone" as const, name: "Launch", milestone_date: "2024-03-01 00:00:00", created_at: "x", updated_at: null };
      return { data: [milestone], meta };
    },
  };
  return { fathom, calls };
}

const noCurrencies = { ofSite: async () => new Map() };

describe("the Fathom report provider", () => {
  it("lists sites and milestones in Sounding's terms, with how each answer was served", async () => {
    const { fathom, calls } = fakeFathom();
    const provider = createFathomReportProvider({ fathom, currencies: noCurrencies });
    expect(await provider.listSites({ priority: "share" })).toEqual({
      data: [
        { id: "S1", name: "One", timezone: "Europe/Berlin", createdAt: "2022-03-01 10:00:00" },
        { id: "S2", name: "Two", timezone: null, createdAt: "2023-01-01 00:00:00" },
      ],
      meta: served,
    });
    expect(await provider.listMilestones("S1", { priority: "share" })).toEqual({ data: [{ id: "M1", name: "Launch", date: "2024-03-01" }], meta: served });
    expect(calls).toEqual([
      ["sites", { priority: "share" }],
      ["milestones", "S1", { priority: "share" }],
    ]);
  });

  it("gives an event Fathom's currency when it says one, else the one stored for it, else none", async () => {
    const store = eventCurrencies(await openTestDatabase());
    await store.set("S1", "STORED", "euro");
    await store.set("S1", "BOTH", "yen");
    await store.set("S2", "OTHERSITE", "pound");
    const { fathom } = fakeFathom([], [event("STORED"), event("BOTH", "dollar"), event("UNKNOWN"), event("OTHERSITE")]);
    const provider = createFathomReportProvider({ fathom, currencies: store });
    const events = await provider.listEvents("S1", { priority: "interactive" });
    expect(events.data).toEqual([
      { id: "STORED", name: "Event STORED", currency: "euro" },
      { id: "BOTH", name: "Event BOTH", currency: "dollar" },
      { id: "UNKNOWN", name: "Event UNKNOWN", currency: null },
      { id: "OTHERSITE", name: "Event OTHERSITE", currency: null },
    ]);
    expect(events.meta).toEqual(served);
  });

  it("answers an aggregation as provider rows, passing the priority and the site's timezone on", async () => {
    const params: AggregationParams = {
      entity: "pageview",
      entity_id: "S1",
      aggregates: ["visits", "pageviews"],
      date_grouping: "day",
      field_grouping: ["pathname", "referrer_hostname"],
      date_from: "2024-05-01 00:00:00",
      date_to: "2024-05-07 23:59:59",
    };
    const { fathom, calls } = fakeFathom([{ date: "2024-05-02", visits: 3, pageviews: 5, pathname: "/a", referrer_hostname: null }]);
    const provider = createFathomReportProvider({ fathom, currencies: noCurrencies });
    expect(await provider.aggregate(params, { priority: "interactive", timezone: "Europe/Berlin" })).toEqual({
      data: [{ date: "2024-05-02", fields: { pathname: "/a", referrer_hostname: null }, values: { visits: 3, pageviews: 5 } }],
      meta: served,
    });
    expect(calls).toEqual([["aggregate", params, { priority: "interactive", timezone: "Europe/Berlin" }]]);
  });

  it("keeps only what was asked for in a row, and no date when there is none", () => {
    const row: AggregationRow = { visits: 3, uniques: 2, pathname: "/a" };
    expect(toProviderRow(row, { aggregates: ["visits", "bounce_rate"] })).toEqual({ fields: {}, values: { visits: 3 } });
    expect(toProviderRow(row, { aggregates: ["uniques"], field_grouping: ["pathname", "browser"] })).toEqual({
      fields: { pathname: "/a", browser: null },
      values: { uniques: 2 },
    });
  });
});
