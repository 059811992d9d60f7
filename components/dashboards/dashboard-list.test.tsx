// @vitest-environment jsdom
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { DashboardList } from "./dashboard-list";
import type { DashboardListItem } from "./dashboard-queries";
import { dashboard, renderWithClient, scriptedFetch } from "./test-board";

const push = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ push, replace: vi.fn(), refresh: vi.fn() }) }));

const item = (id: number, name: string, tileCount: number): DashboardListItem => {
  const { layout: _layout, ...rest } = dashboard({}, { id, name });
  return { ...rest, tileCount };
};
const LIST = [item(4, "Weekly", 5), item(5, "Launch", 1)];

const { requests, answerNext } = scriptedFetch(() => Response.json({ dashboards: [] }));

describe("DashboardList", () => {
  it("lists each board with its tiles, owner and last change; viewers get no actions", () => {
    renderWithClient(<DashboardList initial={LIST} canEdit={false} deletedId={null} />);
    const rows = screen.getAllByRole("row").slice(1);
    expect(rows.map((row) => within(row).getByRole("link").textContent)).toEqual(["Weekly", "Launch"]);
    expect(within(rows[0]!).getByRole("link").getAttribute("href")).toBe("/dashboards/4");
    expect(rows[0]!.textContent).toContain("5");
    expect(rows[0]!.textContent).toContain("Alice, ");
    expect(screen.queryByRole("button", { name: /Delete|Duplicate|New dashboard/ })).toBeNull();
  });

  it("shows an empty state that says how to start", () => {
    renderWithClient(<DashboardList initial={[]} canEdit deletedId={null} />);
    expect(screen.getByText("No dashboards yet.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "New dashboard" })).toBeTruthy();
  });

  it("deletes after a confirmation, with Undo in the notice that follows", async () => {
    const user = userEvent.setup();
    renderWithClient(<DashboardList initial={LIST} canEdit deletedId={null} />);
    await user.click(screen.getByRole("button", { name: "Delete Weekly" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Delete “Weekly”?" });
    answerNext(() => Response.json({ id: 4, deleted: true }), () => Response.json({ dashboards: [LIST[1]] }));
    await user.click(within(dialog).getByRole("button", { name: "Delete dashboard" }));

    expect(await screen.findByText("Deleted “Weekly”.")).toBeTruthy();
    expect(screen.getAllByRole("row").slice(1).map((row) => within(row).getByRole("link").textContent)).toEqual(["Launch"]);
    const undo = screen.getByRole("button", { name: "Undo" });
    await waitFor(() => expect(document.activeElement).toBe(undo));
    expect(requests[0]).toEqual({ method: "DELETE", url: "/api/dashboards/4" });

    answerNext(() => Response.json(dashboard()), () => Response.json({ dashboards: LIST }));
    await user.click(undo);
    expect(await screen.findByRole("link", { name: "“Weekly”" })).toBeTruthy();
    expect(requests).toContainEqual({ method: "POST", url: "/api/dashboards/4/undelete" });
    await waitFor(() => expect(screen.getAllByRole("row")).toHaveLength(3));
  });

  it("offers the undo of a board deleted from its own page", () => {
    window.history.replaceState(null, "", "/dashboards?deleted=9");
    renderWithClient(<DashboardList initial={LIST} canEdit deletedId={9} />);
    expect(screen.getByText("Deleted the dashboard.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Undo" })).toBeTruthy();
    expect(window.location.search).toBe("");
  });

  it("creates a board from a name and opens it", async () => {
    const user = userEvent.setup();
    renderWithClient(<DashboardList initial={LIST} canEdit deletedId={null} />);
    await user.click(screen.getByRole("button", { name: "New dashboard" }));
    const dialog = await screen.findByRole("dialog", { name: "New dashboard" });
    await user.click(within(dialog).getByRole("button", { name: "Create" }));
    expect(within(dialog).getByRole("alert").textContent).toBe("Give the dashboard a name");
    answerNext(() => Response.json(dashboard({}, { id: 12, name: "Launch week" }), { status: 201 }));
    await user.type(within(dialog).getByLabelText("Name"), "Launch week");
    await user.click(within(dialog).getByRole("button", { name: "Create" }));
    await waitFor(() => expect(push).toHaveBeenCalledWith("/dashboards/12"));
    expect(requests[0]).toEqual({ method: "POST", url: "/api/dashboards" });
  });
});
