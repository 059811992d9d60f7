/**
 * The report route below HTTP: who may call it, a broken query (or an unsafe pattern) answered 400 with a
 * message per control (and no upstream call), a valid one answered with the report, the governor's 429 passed on.
 */
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError, apiErrorBodySchema } from "@/lib/api/errors";
import type { User } from "@/lib/auth/users";
import { reportResultSchema } from "@/lib/query/report-result";
import type { ReportProvider } from "@/lib/reports/provider";

const state = vi.hoisted(() => ({
  user: null as User | null,
  aggregate: null as unknown as ReportProvider["aggregate"],
  calls: 0,
}));

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => state.user }));
vi.mock("@/lib/fathom/report-provider", () => {
  const meta = { fetchedAt: new Date().toISOString(), cached: false, stale: false, shared: false };
  const provider: ReportProvider = {
    aggregate: (...args) => {
      state.calls += 1;
      return state.aggregate(...args);
    },
    listSites: async () => ({ data: [{ id: "CDBUGS", name: "Bugs", createdAt: "2023-01-01 00:00:00", timezone: "Europe/London" }], meta }),
    listMilestones: async () => ({ data: [], meta }),
    listEvents: async () => ({ data: [{ id: "SIGNUP01", name: "Newsletter sign-up", currency: "euro" }], meta }),
  };
  return { fathomReportProvider: async () => provider };
});

const { GET } = await import("./route");

const viewer: User = { id: 2, email: "v@example.com", name: "Vi", role: "viewer", createdAt: "2024-01-01T00:00:00Z" };
const call = (search: string) => GET(new NextRequest(`http://localhost/api/reports/run?${search}`));

beforeEach(() => {
  state.user = viewer;
  state.calls = 0;
  state.aggregate = async (params) => ({
    data: [{ fields: {}, values: Object.fromEntries(params.aggregates.map((aggregate) => [aggregate, aggregate === "visits" ? 12 : 30])) }],
    meta: { fetchedAt: new Date().toISOString(), cached: false, stale: false, shared: false },
  });
});

describe("GET /api/reports/run", () => {
  it("needs a signed-in user", async () => {
    state.user = null;
    expect((await call("site=CDBUGS")).status).toBe(401);
  });

  it("answers a viewer with the report, numbers as numbers", async () => {
    const response = await call("site=CDBUGS&metrics=visits,pageviews&group=none&range=last_7_days");
    expect(response.status).toBe(200);
    const body = reportResultSchema.parse(await response.json());
    expect(body.totals).toEqual({ visits: 12, pageviews: 30 });
    expect(body.range.timezone).toBe("Europe/London");
    expect(body.currency).toBeNull();
    expect(state.calls).toBe(1);
  });

  it("answers an event report with its event's currency", async () => {
    const response = await call(`site=CDBUGS&entity=event&event=${encodeURIComponent("Newsletter sign-up")}&metrics=conversions,value&group=none`);
    expect(response.status).toBe(200);
    const body = reportResultSchema.parse(await response.json());
    expect(body.currency).toBe("euro");
    expect(body.totals).toEqual({ conversions: 30, value: 30 });
  });

  it("refuses a broken query with a 400 and a message per control, before any upstream call", async () => {
    const response = await call("site=CDBUGS&group=hour&metrics=visits,clicks&filter=browser~matching~x");
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe("invalid_query");
    expect(body.error.fields).toMatchObject({
      grouping: ["Hourly needs a range of 7 days or less — pick Daily, or shorten the range"],
      "filters.0.operator": ["Browser can only be filtered with “is” or “is not”"],
    });
    expect(body.error.fields.metrics[0]).toMatch(/“clicks” isn't a metric/);
    expect(body.error.message).toMatch(/^metrics: /);
    expect(state.calls).toBe(0);
  });

  it("refuses a pattern that can backtrack catastrophically with a 400 on the filter's value, before any upstream call", async () => {
    const pattern = encodeURIComponent("(([a-z/-]|[a-z/-])+)+#$");
    const response = await call(`site=CDBUGS&filter=hostname~is~example.com&filter=pathname~matching~${pattern}`);
    expect(response.status).toBe(400);
    const body = apiErrorBodySchema.parse(await response.json());
    expect(body.error).toMatchObject({
      code: "unsafe_pattern",
      message: "The pattern in filter 2 (Page) isn't safe to run, so the report was not sent to Fathom.",
    });
    expect(Object.keys(body.error.fields ?? {})).toEqual(["filters.1.value"]);
    expect(body.error.fields?.["filters.1.value"]?.[0]).toMatch(/Simplify it/);
    expect(state.calls).toBe(0);
  });

  it("runs a report whose pattern is safe, sending the pattern as written", async () => {
    const seen: unknown[] = [];
    const answer = state.aggregate;
    state.aggregate = (params, options) => {
      seen.push(params.filters);
      return answer(params, options);
    };
    const response = await call(`site=CDBUGS&group=none&filter=pathname~not_matching~${encodeURIComponent("^/blog/\\d{4}/.*")}`);
    expect(response.status).toBe(200);
    expect(state.calls).toBeGreaterThan(0);
    expect(seen[0]).toEqual([{ property: "pathname", operator: "not matching", value: "^/blog/\\d{4}/.*" }]);
  });

  it("answers 404 for a site the account does not have", async () => {
    const response = await call("site=ELSEWHERE");
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe("site_not_found");
  });

  it("passes the governor's 429 on with Retry-After", async () => {
    state.aggregate = async () => Promise.reject(new ApiError(429, "rate_limited", "Fathom is busy; try again shortly.", { retryAfter: 12 }));
    const response = await call("site=CDBUGS");
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("12");
    expect((await response.json()).error.retryAfter).toBe(12);
  });
});
