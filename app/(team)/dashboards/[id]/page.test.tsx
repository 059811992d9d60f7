import { describe, expect, it, vi } from "vitest";
import type { Dashboard } from "@/lib/dashboards/dashboard";
import { itIsNotFoundOnlyWhenMissing, pathIdPage, recordedRead, throwNotFound } from "../../page-test-kit";

vi.mock("next/navigation", () => ({ notFound: throwNotFound }));
vi.mock("@/lib/auth/guard", () => ({ requireUser: async () => ({ id: 1, name: "Ada", role: "editor" }) }));
vi.mock("@/lib/dashboards/dashboards-service", () => ({ getDashboard: (id: number) => store.read(id) }));
vi.mock("../load-dashboard-sites", () => ({ loadDashboardSites: async () => ({ sites: [] }) }));

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
/** The store as the page sees it: what `getDashboard` does in this test, and the ids it was asked for. */
const store = recordedRead<{ dashboard: Dashboard; reports: [] }>(async () => ({ dashboard: board, reports: [] }));

const { default: DashboardPage } = await import("./page");
const open = pathIdPage(DashboardPage);

describe("/dashboards/[id]", () => {
  itIsNotFoundOnlyWhenMissing({ kind: "dashboard", open, store, id: 4, hostileIds: ["abc", "0", "-1", "1e3", "4abc", " 4", "99999999999", "1.5", "%00"], missingCode: "dashboard_not_found" });

  it("hands the board and the editor's rights to the browser", async () => {
    const page = await open("4");
    expect(store.asked).toEqual([4]);
    expect(page.props).toMatchObject({ initial: { dashboard: board }, canEdit: true, sites: [] });
  });
});
