/**
 * The cost route below HTTP: who may call it, a broken query answered 400 (nothing read), and a valid one
 * answered with its questions and the budget, read from kept answers only.
 */
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { apiErrorBodySchema } from "@/lib/api/errors";
import type { User } from "@/lib/auth/users";
import { notCachedError } from "@/lib/governor/budget-errors";
import { reportCostSchema } from "@/lib/reports/report-cost-answer";

const state = vi.hoisted(() => ({ user: null as User | null, reads: [] as Array<{ cachedOnly: boolean }> }));

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => state.user }));
vi.mock("@/lib/governor/governed-fathom", () => ({
  governedFathom: async () => ({
    listAllSites: async () => ({ data: [{ id: "CDBUGS", name: "Bugs", timezone: "UTC", created_at: "2023-01-01 00:00:00" }], meta: {} }),
    aggregate: async (_params: unknown, options: { cachedOnly?: boolean }) => {
      state.reads.push({ cachedOnly: options.cachedOnly === true });
      throw notCachedError();
    },
  }),
}));
vi.mock("@/lib/governor/process-governor", () => ({
  getGovernor: async () => ({
    state: async () => ({
      classes: {
        reports: { capacity: 10, available: 3, windowSeconds: 61, nextTokenAt: null, pausedUntil: null, queued: { interactive: 0, share: 0, poll: 0 } },
      },
    }),
  }),
}));

const { GET } = await import("./route");
const viewer: User = { id: 2, email: "v@example.com", name: "Vi", role: "viewer", createdAt: "2024-01-01T00:00:00Z" };
const call = (search: string) => GET(new NextRequest(`http://localhost/api/reports/cost?${search}`));

beforeEach(() => {
  state.user = viewer;
  state.reads = [];
});

describe("GET /api/reports/cost", () => {
  it("needs a signed-in user", async () => {
    state.user = null;
    expect((await call("site=CDBUGS")).status).toBe(401);
  });

  it("refuses a broken query with the control's message, reading nothing", async () => {
    const response = await call("site=CDBUGS&range=yesterday_ish");
    expect(response.status).toBe(400);
    expect(apiErrorBodySchema.parse(await response.json()).error.code).toBe("invalid_query");
    expect(state.reads).toEqual([]);
  });

  it("answers a viewer with the questions the report needs and the budget, from kept answers only", async () => {
    const response = await call("site=CDBUGS&range=last_7_days");
    expect(response.status).toBe(200);
    const cost = reportCostSchema.parse(await response.json());
    expect(cost).toMatchObject({ questions: 2, cached: 0, budget: { available: 3, capacity: 10 } });
    expect(state.reads).toEqual([{ cachedOnly: true }, { cachedOnly: true }]);
  });
});
