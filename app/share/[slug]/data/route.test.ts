/**
 * The share data route, below HTTP: it takes the slug and one preset and nothing else, refuses a tampered
 * request before any lookup or upstream request, answers each refusal with its status, and serves the
 * cached view of an open (or unlocked) share without the locked filters.
 */
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { defaultReportQuery } from "@/lib/query/report-query";
import type { ReportProvider } from "@/lib/reports/provider";
import type { SavedReport } from "@/lib/reports/saved-report";
import { testPublicShare } from "@/lib/shares/share-test-kit";
import type { PublicShare } from "@/lib/shares/shares-service";

const state = vi.hoisted(() => ({
  findPublicShare: vi.fn(),
  getSavedReport: vi.fn(),
  aggregate: vi.fn(),
}));

vi.mock("@/lib/shares/shares-service", () => ({
  findPublicShare: state.findPublicShare,
  recordShareView: vi.fn(async () => undefined),
  recordUnlockFailure: vi.fn(async () => undefined),
  shareLogo: vi.fn(async () => null),
}));
vi.mock("@/lib/reports/saved-reports-service", () => ({ getSavedReport: state.getSavedReport }));
vi.mock("@/lib/dashboards/dashboards-service", () => ({ getDashboard: vi.fn() }));
// The versions of what is shared, as the (mocked) saved report says them; null once it was deleted.
vi.mock("@/lib/shares/target-stamp", () => ({
  recentTargetStamp: async (target: { id: number }) =>
    state.getSavedReport(target.id).then(
      (report: SavedReport) => `r${report.id}@${report.version}`,
      () => null,
    ),
}));
vi.mock("@/lib/config/server-config", async () => {
  const { parseEnv } = await import("@/lib/config/env");
  return { getServerConfig: () => ({ ...parseEnv({}), appSecret: "a-test-app-secret-with-32-characters-or-more" }) };
});
vi.mock("@/lib/fathom/report-provider", () => {
  const meta = { fetchedAt: "2024-05-15T15:59:00.000Z", cached: false, stale: false, shared: false };
  const provider: ReportProvider = {
    aggregate: state.aggregate,
    listSites: async () => ({ data: [{ id: "CDBUGS", name: "Bugs", timezone: "UTC", createdAt: "2022-01-01" }], meta }),
    listEvents: async () => ({ data: [], meta }),
    listMilestones: async () => ({ data: [], meta }),
  };
  return { fathomReportProvider: async () => provider };
});

const { GET } = await import("./route");
const { unlockCookieHeader } = await import("@/lib/shares/unlock-cookie");

const SLUG = "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z";
const LOCKED_VALUE = "locked-client.example";
let nextId = 100;

/** A share of saved report 12; each gets its own id, so cached answers of one test never serve another. */
function share(patch: Partial<PublicShare> = {}): PublicShare {
  return testPublicShare(
    { id: nextId++, slug: SLUG, ...patch },
    {
      window: { presets: ["last_month", "last_7_days"], defaultPreset: "last_month", floor: null, ceiling: null },
      lockedFilters: [{ property: "hostname", operator: "is", value: LOCKED_VALUE }],
    },
  );
}

const report: SavedReport = {
  id: 12,
  name: "Traffic",
  description: "",
  siteId: "CDBUGS",
  query: { ...defaultReportQuery("CDBUGS"), grouping: "none" },
  version: 1,
  owner: { id: 1, name: "Ada" },
  createdAt: "",
  updatedAt: "",
  updatedBy: { id: 1, name: "Ada" },
};

async function get(search: string, { slug = SLUG, cookie }: { slug?: string; cookie?: string } = {}) {
  const request = new NextRequest(`http://sounding.test/share/${slug}/data${search}`, { headers: cookie ? { cookie: `sounding_share=${cookie}` } : {} });
  const response = await GET(request, { params: Promise.resolve({ slug }) });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const cookieFor = async (target: PublicShare) => /^sounding_share=([^;]+)/.exec(await unlockCookieHeader(target, { https: false }))![1]!;

beforeEach(() => {
  state.findPublicShare.mockReset();
  state.getSavedReport.mockReset().mockResolvedValue(report);
  state.aggregate.mockReset().mockImplementation(async (params: { aggregates: string[] }) => ({
    data: [{ fields: {}, values: Object.fromEntries(params.aggregates.map((name) => [name, 5])) }],
    meta: { fetchedAt: "2024-05-15T15:59:00.000Z", cached: false, stale: false, shared: false },
  }));
});

describe("GET /share/[slug]/data", () => {
  it.each([
    ["another parameter", "?range=last_month&site=OTHER"],
    ["a limit", "?limit=10"],
    ["a filter", "?filters=%5B%5D"],
    ["the range twice", "?range=last_month&range=last_7_days"],
    ["a range that is no preset", "?range=custom:2020-01-01"],
  ])("refuses %s with 400 before any lookup or upstream request", async (_what, search) => {
    const answer = await get(search);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text).error.code).toBe("invalid_input");
    expect(state.findPublicShare).not.toHaveBeenCalled();
    expect(state.aggregate).not.toHaveBeenCalled();
  });

  it("answers 404 for a slug of the wrong shape without looking it up", async () => {
    for (const slug of ["short", `${SLUG}x`, "..%2F..%2Fapi%2Fsession".padEnd(32, "a")]) {
      const answer = await get("", { slug });
      expect(answer.status).toBe(404);
      expect(JSON.parse(answer.text).error.code).toBe("share_not_found");
    }
    expect(state.findPublicShare).not.toHaveBeenCalled();
  });

  it("answers each refusal with its own status, and asks Fathom nothing", async () => {
    state.findPublicShare.mockResolvedValueOnce(null);
    expect((await get("")).status).toBe(404);
    for (const [refusal, status] of [
      ["paused", 403],
      ["expired", 410],
      ["revoked", 410],
    ] as const) {
      state.findPublicShare.mockResolvedValueOnce(share({ state: refusal }));
      const answer = await get("");
      expect(answer.status).toBe(status);
      expect(JSON.parse(answer.text).error.code).toBe(`share_${refusal}`);
    }
    expect(state.aggregate).not.toHaveBeenCalled();
  });

  it("answers 401 for a protected share without a valid unlock cookie", async () => {
    const locked = share({ passwordHash: "scrypt$32768$8$1$c2FsdA$aGFzaA", sessionEpoch: 3 });
    state.findPublicShare.mockResolvedValue(locked);
    for (const cookie of [undefined, "forged", await cookieFor({ ...locked, sessionEpoch: 2 }), await cookieFor({ ...locked, id: locked.id + 1000 })]) {
      const answer = await get("", { cookie });
      expect(answer.status).toBe(401);
      expect(JSON.parse(answer.text).error.code).toBe("share_locked");
    }
    expect(state.aggregate).not.toHaveBeenCalled();
    expect((await get("", { cookie: await cookieFor(locked) })).status).toBe(200);
  });

  it("answers the figures without the locked filters, uncached by anyone and unindexed, from the share cache", async () => {
    state.findPublicShare.mockResolvedValue(share());
    const answer = await get("?range=last_7_days");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(answer.headers.get("x-robots-tag")).toContain("noindex");
    expect(answer.headers.get("referrer-policy")).toBe("no-referrer");
    const view = JSON.parse(answer.text);
    expect(view.window.current).toBe("last_7_days");
    expect(answer.text).not.toContain(LOCKED_VALUE);
    expect(answer.text).not.toContain("CDBUGS");
    expect(state.aggregate.mock.calls[0]?.[0].filters).toEqual([{ property: "hostname", operator: "is", value: LOCKED_VALUE }]);

    const calls = state.aggregate.mock.calls.length;
    expect((await get("?range=last_7_days")).text).toBe(answer.text);
    expect(state.aggregate).toHaveBeenCalledTimes(calls);
  });

  it("refuses a preset the share does not show, naming those it does, and asks Fathom nothing", async () => {
    state.findPublicShare.mockResolvedValue(share());
    const answer = await get("?range=this_year");
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text).error).toMatchObject({ code: "range_not_shared", message: "This link shows Last month or Last 7 days only." });
    expect(state.aggregate).not.toHaveBeenCalled();
  });

  it("answers 410 when the shared report was deleted", async () => {
    state.findPublicShare.mockResolvedValue(share());
    state.getSavedReport.mockRejectedValue(new ApiError(404, "report_not_found", "There is no report 12."));
    const answer = await get("");
    expect(answer.status).toBe(410);
    expect(JSON.parse(answer.text).error.code).toBe("share_gone");
    expect(answer.headers.get("x-robots-tag")).toContain("noindex");
  });
});
