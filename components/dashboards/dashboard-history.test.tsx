// @vitest-environment jsdom
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { DashboardVersion } from "@/lib/dashboards/dashboard";
import { DashboardHistory } from "./dashboard-history";
import { renderWithClient, reportTile, scriptedFetch } from "./test-board";

const bob = { id: 2, name: "Bob" };
const version = (number: number, layout: Partial<DashboardVersion["layout"]>, extra: Partial<DashboardVersion> = {}): DashboardVersion => ({
  version: number,
  name: "Weekly",
  description: "",
  layout: { tiles: [], range: null, filters: [], ...layout },
  createdAt: "2024-05-02T10:00:00.000Z",
  createdBy: bob,
  restoredFrom: null,
  ...extra,
});
const VERSIONS = [
  version(3, { tiles: [reportTile("blog-tile", 1)], range: { preset: "last_7_days" } }, { restoredFrom: 1 }),
  version(2, { tiles: [reportTile("blog-tile", 1)] }),
  version(1, {}),
];

const { requests, answerNext } = scriptedFetch(() => Response.json({ versions: VERSIONS }));

const names = { reportName: (id: number) => (id === 1 ? "Blog traffic" : undefined) };

describe("DashboardHistory", () => {
  it("loads when opened and says who changed what, in words", async () => {
    const user = userEvent.setup();
    renderWithClient(<DashboardHistory id={4} currentVersion={3} canRestore names={names} />);
    expect(requests).toEqual([]);
    await user.click(screen.getByRole("button", { name: "Show versions" }));
    expect(await screen.findByText("restored version 1; range: report's own → last 7 days")).toBeTruthy();
    expect(screen.getByText("tile added: Blog traffic")).toBeTruthy();
    expect(screen.getByText("created")).toBeTruthy();
    expect(screen.getAllByText(/^Bob,/)).toHaveLength(3);
    // The current version has no "Restore".
    expect(screen.queryByRole("button", { name: "Restore version 3" })).toBeNull();

    answerNext(() => Response.json({ id: 4 }));
    await user.click(screen.getByRole("button", { name: "Restore version 1" }));
    expect(await screen.findByText("Version 1 restored as a new version.")).toBeTruthy();
    expect(requests).toContainEqual({ method: "POST", url: "/api/dashboards/4/versions/1/restore" });
    await waitFor(() => expect(requests.filter((request) => request.url === "/api/dashboards/4/versions")).toHaveLength(2));
  });

  it("offers no restore to viewers", async () => {
    const user = userEvent.setup();
    renderWithClient(<DashboardHistory id={4} currentVersion={3} canRestore={false} names={names} />);
    await user.click(screen.getByRole("button", { name: "Show versions" }));
    expect(await screen.findByText("created")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Restore/ })).toBeNull();
  });
});
