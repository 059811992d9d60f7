import { QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { defaultReportQuery, type ReportQuery } from "@/lib/query/report-query";
import type { ReportResult } from "@/lib/query/report-result";
import { reportRunQueryOptions } from "./report-run-query";

afterEach(() => vi.unstubAllGlobals());

const query: ReportQuery = {
  ...defaultReportQuery("CDBUGS"),
  range: { preset: "custom", from: "2024-01-01", to: "2024-01-14" },
  grouping: "day",
  filters: [{ property: "pathname", operator: "is", value: "/blog" }],
};

function answerFor(asked: ReportQuery): ReportResult {
  return {
    query: asked,
    range: {
      from: "2024-01-01 00:00:00",
      to: "2024-01-14 23:59:59",
      startDate: "2024-01-01",
      endDate: "2024-01-14",
      days: 14,
      timezone: "Europe/London",
      grouping: "day",
      buckets: [],
    },
    rows: [],
    totals: { visits: 12 },
    currency: null,
    milestones: [],
    meta: { fetchedAt: "2024-01-15T10:00:00.000Z", cached: false, stale: false, upstreamCalls: 1 },
  };
}

describe("reportRunQueryOptions", () => {
  it("keys on the whole query, so any difference is another report", () => {
    const a = reportRunQueryOptions(query, { timezone: "UTC" });
    const b = reportRunQueryOptions({ ...query, filters: [{ property: "pathname", operator: "is", value: "/docs" }] }, { timezone: "UTC" });
    expect(a.queryKey).toEqual(["report-run", query, { solo: false }]);
    expect(JSON.stringify(a.queryKey)).not.toBe(JSON.stringify(b.queryKey));
  });

  it("says when a report is asked on its own, so the server sends it without waiting to fold it with tiles", async () => {
    const fetchMock = vi.fn(async () => Response.json(answerFor(query), { status: 200 }));
    vi.stubGlobal("fetch", fetchMock);
    const client = new QueryClient();
    await client.fetchQuery(reportRunQueryOptions(query, { timezone: "UTC", solo: true }));
    await client.fetchQuery(reportRunQueryOptions(query, { timezone: "UTC" }));
    const urls = fetchMock.mock.calls.map((call) => String((call as unknown[])[0]));
    expect(urls[0]).toMatch(/&solo=1$/);
    expect(urls[1]).not.toContain("solo");
  });

  it("never re-fetches a closed period and keeps an open one fresh for a minute", () => {
    const now = new Date("2024-06-15T12:00:00Z");
    expect(reportRunQueryOptions(query, { timezone: "UTC", now }).staleTime).toBe(Number.POSITIVE_INFINITY);
    expect(reportRunQueryOptions(defaultReportQuery("CDBUGS"), { timezone: "UTC", now }).staleTime).toBe(60_000);
  });

  it("asks the run route with the page's own search parameters and parses the answer", async () => {
    const fetchMock = vi.fn(async (url: string) => Response.json(answerFor(query), { status: 200, headers: { "x-url": url } }));
    vi.stubGlobal("fetch", fetchMock);
    const client = new QueryClient();
    const result = await client.fetchQuery(reportRunQueryOptions(query, { timezone: "UTC" }));
    expect(result.totals.visits).toBe(12);
    const url = String(fetchMock.mock.calls[0]![0]);
    expect(url).toMatch(/^\/api\/reports\/run\?site=CDBUGS&range=2024-01-01\.\.2024-01-14/);
    expect(url).toContain("filter=pathname~is~/blog");
    expect(url).toContain("group=day");
  });

  it("refuses an answer that does not match the report schema instead of drawing garbage", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Response.json({ rows: "nope" })));
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await expect(client.fetchQuery(reportRunQueryOptions(query, { timezone: "UTC" }))).rejects.toThrow();
  });

  it("carries the server's error (code, message, retryAfter) to the page", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Response.json({ error: { code: "rate_limited", message: "Fathom is busy.", retryAfter: 12 } }, { status: 429 })),
    );
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await expect(client.fetchQuery(reportRunQueryOptions(query, { timezone: "UTC" }))).rejects.toMatchObject({
      status: 429,
      retryAfter: 12,
      message: "Fathom is busy.",
    });
  });
});
