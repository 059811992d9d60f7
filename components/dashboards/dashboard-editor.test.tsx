// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Dashboard, Tile } from "@/lib/dashboards/dashboard";
import { DashboardEditor } from "./dashboard-editor";
import { SITES, dashboard, renderWithClient, reportTile, savedReport, textTile } from "./test-board";

const TILES = [textTile("first-tile", "First"), textTile("second-tile", "Second"), textTile("third-tile", "Third")];

/** jsdom lays nothing out: tiles sit side by side, 300 px apart, so the keyboard sensor has somewhere to go. */
function stubTileLayout() {
  Object.defineProperty(HTMLElement.prototype, "getBoundingClientRect", {
    configurable: true,
    value(this: HTMLElement) {
      const tile = this.closest("li[data-tile]");
      const index = tile ? [...tile.parentElement!.children].indexOf(tile) : 0;
      const left = tile ? index * 300 : 0;
      const size = tile ? 280 : 0;
      return { x: left, y: 0, left, top: 0, width: size, height: size, right: left + size, bottom: size, toJSON: () => ({}) };
    },
  });
}

const requests: Array<{ method: string; url: string; body: unknown }> = [];
let answers: Array<() => Response> = [];
const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
  requests.push({ method: init?.method ?? "GET", url: String(input), body: init?.body ? JSON.parse(String(init.body)) : undefined });
  return answers.shift()?.() ?? Response.json({ error: { code: "not_found", message: "Not here." } }, { status: 404 });
});

beforeEach(() => {
  stubTileLayout();
  requests.length = 0;
  answers = [];
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderEditor(tiles: Tile[] = TILES) {
  const onClose = vi.fn<(saved?: Dashboard) => void>();
  const onPickReport = vi.fn();
  const board = dashboard({ tiles });
  renderWithClient(
    <DashboardEditor
      dashboard={board}
      reports={new Map()}
      sites={new Map(SITES.map((site) => [site.id, site]))}
      scope={{ range: null, filters: [] }}
      renderBar={(extra) => <div>{extra}</div>}
      onPickReport={onPickReport}
      onClose={onClose}
    />,
  );
  return { onClose, onPickReport, board };
}

const order = () => [...document.querySelectorAll("li[data-tile]")].map((item) => item.getAttribute("data-tile"));
const dndLive = () => document.querySelector('[id^="DndLiveRegion"]')?.textContent;
const announced = () => document.querySelector('[aria-live="polite"][aria-atomic="true"]')?.textContent;

describe("DashboardEditor", () => {
  it("starts with focus on its heading", () => {
    renderEditor();
    expect(document.activeElement).toBe(screen.getByRole("heading", { level: 1, name: "Editing “Weekly”" }));
  });

  it("reorders a tile by keyboard alone: Space on the handle, an arrow, Space, announced in words", async () => {
    const user = userEvent.setup();
    renderEditor();
    const handle = screen.getByRole("button", { name: "Move Text “First”, position 1 of 3" });
    expect(handle.getAttribute("aria-roledescription")).toBe("sortable");
    expect(document.getElementById(handle.getAttribute("aria-describedby")!)?.textContent).toMatch(/press Space to pick it up/);
    act(() => handle.focus());
    await user.keyboard("[Space]");
    // dnd-kit's own live region: picked up, then over its own place.
    await waitFor(() => expect(dndLive()).toBe("Text “First” is over position 1 of 3."));
    await user.keyboard("[ArrowRight]");
    await waitFor(() => expect(dndLive()).toBe("Text “First” is over position 2 of 3."));
    await user.keyboard("[Space]");
    await waitFor(() => expect(order()).toEqual(["second-tile", "first-tile", "third-tile"]));
    expect(dndLive()).toBe("Text “First” dropped in position 2 of 3.");
    // The handle keeps focus, ready for the next move; Undo takes the move back.
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Move Text “First”, position 2 of 3" }));
    await user.click(screen.getByRole("button", { name: "Undo: tile moved" }));
    expect(order()).toEqual(["first-tile", "second-tile", "third-tile"]);
  });

  it("moves, resizes and removes with buttons, undoing the last change each time", async () => {
    const user = userEvent.setup();
    renderEditor();
    const undo = () => screen.getByRole("button", { name: /^Undo/ });
    expect(undo()).toHaveProperty("disabled", true);

    await user.click(screen.getByRole("button", { name: "Move Text “Third” earlier" }));
    expect(order()).toEqual(["first-tile", "third-tile", "second-tile"]);
    expect(announced()).toBe("Text “Third” moved to position 2 of 3.");

    await user.selectOptions(screen.getByRole("combobox", { name: "Size of Text “First”" }), "wide");
    expect(document.querySelector('[data-tile="first-tile"]')!.className).toContain("lg:col-span-3");

    await user.click(screen.getByRole("button", { name: "Remove Text “Third”" }));
    expect(order()).toEqual(["first-tile", "second-tile"]);
    // Focus goes to the tile that took its place.
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Move Text “Second”, position 2 of 2" }));

    expect(undo().getAttribute("aria-label")).toBe("Undo: tile removed");
    await user.click(undo());
    expect(order()).toEqual(["first-tile", "third-tile", "second-tile"]);
    expect(announced()).toBe("Undone: tile removed.");
    await user.click(undo());
    expect(document.querySelector('[data-tile="first-tile"]')!.className).not.toContain("lg:col-span-3");
    await user.click(undo());
    expect(order()).toEqual(["first-tile", "second-tile", "third-tile"]);
    expect(undo()).toHaveProperty("disabled", true);
  });

  it("offers to remove a tile whose report was deleted", async () => {
    const user = userEvent.setup();
    renderEditor([reportTile("gone-tile", 99), ...TILES]);
    const gone = document.querySelector('[data-tile="gone-tile"]') as HTMLElement;
    expect(within(gone).getByText(/was deleted/)).toBeTruthy();
    await user.click(within(gone).getByRole("button", { name: "Remove tile" }));
    expect(order()).toEqual(["first-tile", "second-tile", "third-tile"]);
  });

  it("saves as one change against the version it started from, and says who saved in between", async () => {
    const user = userEvent.setup();
    const { onClose, board } = renderEditor();
    await user.click(screen.getByRole("button", { name: "Move Text “First” later" }));
    const bob = { id: 2, name: "Bob" };
    const theirs = { ...board, version: 4, updatedBy: bob, updatedAt: new Date().toISOString() };
    answers = [
      () => Response.json({ error: { code: "dashboard_changed", message: "Someone saved this dashboard meanwhile." } }, { status: 409 }),
      () => Response.json({ dashboard: theirs, reports: [] }),
      () => Response.json({ ...theirs, version: 5 }),
    ];
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText(/Bob saved this dashboard just now \(version 4\), after you started editing/)).toBeTruthy();
    expect(requests[0]).toMatchObject({ method: "PATCH", url: "/api/dashboards/4", body: { name: "Weekly", baseVersion: 3 } });
    expect((requests[0]!.body as Dashboard).layout.tiles.map((tile) => tile.id)).toEqual(["second-tile", "first-tile", "third-tile"]);
    expect(onClose).not.toHaveBeenCalled();

    await user.click(screen.getByRole("button", { name: "Save mine over theirs" }));
    await waitFor(() => expect(onClose).toHaveBeenCalledWith(expect.objectContaining({ version: 5 })));
    expect(requests[2]).toMatchObject({ method: "PATCH", body: { baseVersion: 4 } });
  });

  it("refuses a save without a name, on the name field", async () => {
    const user = userEvent.setup();
    renderEditor();
    await user.clear(screen.getByLabelText("Name"));
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(screen.getByRole("alert").textContent).toBe("Give the dashboard a name");
    expect(document.activeElement).toBe(screen.getByLabelText("Name"));
    expect(requests).toEqual([]);
  });

  it("adds a text tile, counting its characters, and puts focus on the new tile's handle", async () => {
    const user = userEvent.setup();
    renderEditor([]);
    await user.click(screen.getByRole("button", { name: "Add a tile" }));
    const dialog = await screen.findByRole("dialog", { name: "Add a tile" });
    await user.click(within(dialog).getByRole("radio", { name: "Text" }));
    const text = within(dialog).getByLabelText("Text (Markdown)");
    await user.click(text);
    await user.paste("x".repeat(10_001));
    expect(within(dialog).getByText("10,001 of 10,000 characters — 1 too many")).toBeTruthy();
    await user.click(within(dialog).getByRole("button", { name: "Add tile" }));
    expect(within(dialog).getByRole("alert").textContent).toBe("Keep the text under 10,000 characters.");
    await user.clear(text);
    await user.type(text, "Hello **there**");
    expect(within(dialog).getByText("15 of 10,000 characters")).toBeTruthy();
    await user.click(within(dialog).getByRole("button", { name: "Add tile" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(document.querySelectorAll("li[data-tile]")).toHaveLength(1);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("button", { name: "Move Text “Hello there”, position 1 of 1" })));
    expect(announced()).toBe("Text “Hello there” added at the end, position 1 of 1.");
  });

  it("adds a saved report tile picked from the saved reports, with its pins", async () => {
    const user = userEvent.setup();
    const { onPickReport } = renderEditor();
    answers = [() => Response.json({ reports: [{ ...savedReport(7, "Blog traffic"), preview: null }] })];
    await user.click(screen.getByRole("button", { name: "Add a tile" }));
    const dialog = await screen.findByRole("dialog", { name: "Add a tile" });
    const select = within(dialog).getByLabelText("Report");
    await waitFor(() => expect(within(select).getByRole("option", { name: "Blog traffic (Acme blog)" })).toBeTruthy());
    await user.selectOptions(select, "7");
    await user.selectOptions(within(dialog).getByLabelText("Show"), "chart");
    await user.click(within(dialog).getByRole("checkbox", { name: /Pin the report's own range/ }));
    await user.click(within(dialog).getByRole("button", { name: "Add tile" }));
    expect(requests.map((request) => request.url)).toEqual(["/api/reports"]);
    expect(onPickReport).toHaveBeenCalledWith(expect.objectContaining({ id: 7, name: "Blog traffic" }));
    expect(order()).toHaveLength(4);
    expect(announced()).toBe("Blog traffic added at the end, position 4 of 4.");
  });
});
