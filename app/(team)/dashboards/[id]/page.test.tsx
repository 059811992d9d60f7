import { beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/api/errors";
import type { Dashboard } from "@/lib/dashboards/dashboard";

class NotFound extends Error {}
vi.mock("next/navigation", () => ({
  notFound: () => {
    throw new NotFound("NEXT_HTTP_ERROR_FALLBACK;404");
  },
}));
vi.mock("@/lib/auth/guard", () => ({ requireUser: async () => ({ id: 1, name: "Ada", role: "editor" }) }));
/** The store as the page sees it: what `getDashboard` does in this test, and the ids it was asked for. */
let getBoard: (id: number) => Promise<{ dashboard: Dashboard; reports: [] }>;
let asked: number[];
vi.mock("@/lib/dashboards/dashboards-service", () => ({
  getDashboard: (id: number) => {
    asked.push(id);
    return getBoard(id);
  },
}));
vi.mock("../load-dashboard-sites", () => ({ loadDashboardSites: async () => ({ sites: [] }) }));

const { default: DashboardPage } = await import("./page");
const open = (id: string) => DashboardPage({ params: Promise.resolve({ id }) });

const board: Dashboard = {
  id: 4,
  name: "Weekly",
  description: "",
  layout: { tiles: [], range: null, filters: [] },
  version: 1,
  owner: { id: 1, name: "Ada" },
  createdAt: "2024-05-01T10:00:00.000Z",
  updatedAt: "2024-05-01T10:00:00.000Z",
  updatedBy: { id: 1, name: "Ada" },
};

beforeEach(() => {
  asked = [];
  getBoard = async () => ({ dashboard: board, reports: [] });
});

describe("/dashboards/[id]", () => {
  it("is Next's 404 for an id that is not one, without asking the store", async () => {
    for (const id of ["abc", "0", "-1", "1e3", "4abc", " 4", "99999999999", "1.5", "%00"]) {
      await expect(open(id), id).rejects.toBeInstanceOf(NotFound);
    }
    expect(asked).toEqual([]);
  });

  it("is Next's 404 for a dashboard that is not there (deleted or never made)", async () => {
    getBoard = async () => {
      throw new ApiError(404, "dashboard_not_found", "That dashboard does not exist.");
    };
    await expect(open("4")).rejects.toBeInstanceOf(NotFound);
  });

  it("lets any other failure through, to the error page", async () => {
    getBoard = async () => {
      throw new Error("database gone");
    };
    await expect(open("4")).rejects.toThrow("database gone");
  });

  it("hands the board and the editor's rights to the browser", async () => {
    const page = await open("4");
    expect(asked).toEqual([4]);
    expect(page.props).toMatchObject({ initial: { dashboard: board }, canEdit: true, sites: [] });
  });
});
