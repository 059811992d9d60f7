import { describe, expect, it } from "vitest";
import { createFathomClient } from "./client";
import { FathomError } from "./errors";
import { fakeFetch, jsonResponse, type Responder } from "./fake-fetch";

function clientWith(respond: Responder = () => jsonResponse([])) {
  const fake = fakeFetch(respond);
  return { client: createFathomClient({ baseUrl: "https://fathom.test/v1/", token: "T0KEN-abcdef", fetch: fake.fetch }), calls: fake.calls };
}

describe("aggregate: what is sent", () => {
  it("encodes lists comma-separated, filters as JSON with string values, and omits what is unset", async () => {
    const { client, calls } = clientWith();
    await client.aggregate({
      entity: "event",
      site_id: "CDBUGS",
      entity_name: "Purchase early access",
      aggregates: ["conversions", "value"],
      date_grouping: "day",
      field_grouping: ["hostname", "pathname"],
      sort_by: "timestamp:asc",
      date_from: "2024-01-01 00:00:00",
      date_to: "2024-01-31 23:59:59",
      limit: 50,
      filters: [
        { property: "pathname", operator: "is like", value: "/blog*" },
        { property: "country_code", operator: "is not", value: "GB" },
      ],
    });
    const url = calls[0]!.url;
    expect(url.pathname).toBe("/v1/aggregations");
    expect([...url.searchParams.entries()]).toEqual([
      ["entity", "event"],
      ["site_id", "CDBUGS"],
      ["entity_name", "Purchase early access"],
      ["aggregates", "conversions,value"],
      ["date_grouping", "day"],
      ["field_grouping", "hostname,pathname"],
      ["sort_by", "timestamp:asc"],
      ["date_from", "2024-01-01 00:00:00"],
      ["date_to", "2024-01-31 23:59:59"],
      ["limit", "50"],
      [
        "filters",
        '[{"property":"pathname","operator":"is like","value":"/blog*"},{"property":"country_code","operator":"is not","value":"GB"}]',
      ],
    ]);
    expect(calls[0]!.body).toBeNull();
  });

  it("leaves out empty groupings and filters", async () => {
    const { client, calls } = clientWith();
    await client.aggregate({ entity: "pageview", entity_id: "CDBUGS", aggregates: ["visits"], field_grouping: [], filters: [] });
    expect([...calls[0]!.url.searchParams.keys()]).toEqual(["entity", "entity_id", "aggregates"]);
  });

  it("refuses a query Fathom would refuse, with field messages, without sending it", async () => {
    const { client, calls } = clientWith();
    const error = (await client
      .aggregate({ entity: "pageview", entity_id: "CDBUGS", aggregates: ["pageviews"], sort_by: "visits:desc" })
      .catch((e: unknown) => e)) as FathomError;
    expect(error).toBeInstanceOf(FathomError);
    expect(error).toMatchObject({ kind: "validation", sent: false, status: 400 });
    expect(error.fields).toEqual({ sort_by: ['Sort by a metric or a grouping of this report; "visits" is neither.'] });
    const api = error.toApiError();
    expect(api.status).toBe(400);
    expect(api.code).toBe("invalid_query");
    expect(api.message).toBe('Sort by a metric or a grouping of this report; "visits" is neither.');
    expect(calls).toHaveLength(0);
  });
});

describe("aggregate: what comes back", () => {
  const params = { entity: "pageview" as const, entity_id: "CDBUGS", aggregates: ["visits" as const, "bounce_rate" as const], date_grouping: "month" as const };

  it("reads the bucket from date and numeric strings as numbers", async () => {
    const { client } = clientWith(() =>
      jsonResponse([
        { date: "2024-01", visits: "1204", bounce_rate: "0.4183" },
        { date: "2024-02", visits: 998, bounce_rate: null },
      ]),
    );
    expect(await client.aggregate(params)).toEqual([
      { date: "2024-01", visits: 1204, bounce_rate: 0.4183 },
      { date: "2024-02", visits: 998, bounce_rate: 0 },
    ]);
  });

  it("accepts the { object: 'list', data } envelope as well as a bare array", async () => {
    const { client } = clientWith(() => jsonResponse({ object: "list", data: [{ date: "2024-01", visits: "3", bounce_rate: "0" }] }));
    expect(await client.aggregate(params)).toEqual([{ date: "2024-01", visits: 3, bounce_rate: 0 }]);
  });

  it("keeps grouping values as text (null when Fathom has none) and drops unknown keys", async () => {
    const { client } = clientWith(() =>
      jsonResponse([{ referrer_hostname: null, pathname: "/", visits: "1", bounce_rate: "1", secret_internal: "x" }]),
    );
    const rows = await client.aggregate({ ...params, date_grouping: undefined, field_grouping: ["referrer_hostname", "pathname"] });
    expect(rows).toEqual([{ referrer_hostname: null, pathname: "/", visits: 1, bounce_rate: 1 }]);
  });

  it("treats a row without a requested aggregate, or without its date bucket, as an unreadable answer", async () => {
    for (const body of [[{ date: "2024-01", visits: "1" }], [{ visits: "1", bounce_rate: "0" }], [{ date: "2024-01", visits: "many", bounce_rate: "0" }]]) {
      const error = (await clientWith(() => jsonResponse(body)).client.aggregate(params).catch((e: unknown) => e)) as FathomError;
      expect(error).toBeInstanceOf(FathomError);
      expect(error.kind).toBe("invalid_response");
    }
  });
});

describe("currentVisitors", () => {
  it("asks for detail only when wanted and reads numbers", async () => {
    const { client, calls } = clientWith(() => jsonResponse({ total: "14" }));
    expect(await client.currentVisitors({ siteId: "CDBUGS", detailed: false })).toEqual({ total: 14 });
    await client.currentVisitors({ siteId: "CDBUGS", detailed: true });
    expect(calls.map((c) => c.url.search)).toEqual(["?site_id=CDBUGS", "?site_id=CDBUGS&detailed=true"]);
  });
});
