// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { stubChartLayout } from "@/components/charts/test-chart-layout";
import { dailyResult } from "@/components/report/test-report-results";
import { decodeReportQuery } from "@/lib/query/url-codec";
import { DashboardBoard } from "./dashboard-board";
import { SITES, detail, liveTile, renderWithClient, reportTile, savedReport, textTile } from "./test-board";

// Next's router reads the address; here the address is jsdom's (history.replaceState updates it).
vi.mock("next/navigation", () => ({
  useRouter: () => ({ push: vi.fn(), replace: vi.fn(), refresh: vi.fn() }),
  useSearchParams: () => new URLSearchParams(window.location.search),
}));

const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
  const url = new URL(String(input), "http://localhost");
  if (url.pathname === "/api/reports/run") {
    const decoded = decodeReportQuery(url.searchParams);
    if (!decoded.ok) return Response.json({ error: { code: "invalid_query", message: "Bad." } }, { status: 400 });
    return Response.json(dailyResult({}, decoded.query));
  }
  return Response.json({ error: { code: "not_found", message: "Not here." } }, { status: 404 });
});

beforeAll(async () => {
  await Promise.all([
    import("@/components/report/report-panel"),
    import("@/components/current-visitors/current-visitors-panel"),
    import("./dashboard-editor"),
  ]);
}, 60_000);

beforeEach(() => {
  stubChartLayout();
  window.history.replaceState(null, "", "/dashboards/4");
  vi.stubGlobal("fetch", fetchMock);
  fetchMock.mockClear();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const REPORTS = [savedReport(1, "Blog traffic", { range: { preset: "last_30_days" } }), savedReport(2, "Signups", { range: { preset: "last_30_days" }, metrics: ["visits"] })];
const TILES = [
  reportTile("blog-tile", 1),
  reportTile("pinned-tile", 2, { pinRange: true, size: "wide" }),
  textTile("note-tile", "# Read me\n\nThe **weekly** numbers."),
  liveTile("live-tile"),
  reportTile("gone-tile", 99),
];

function renderBoard(search = "", canEdit = false) {
  window.history.replaceState(null, "", `/dashboards/4${search}`);
  return renderWithClient(<DashboardBoard initial={detail({ tiles: TILES }, REPORTS)} sites={SITES} canEdit={canEdit} />);
}

const panelKey = (tileId: string) => document.querySelector(`[data-report-panel="${tileId}"]`)?.getAttribute("data-report-key");
const runUrls = () => fetchMock.mock.calls.map(([input]) => String(input)).filter((url) => url.startsWith("/api/reports/run"));

describe("DashboardBoard", () => {
  it("draws every kind of tile through the registry, in order, each as wide as its size", async () => {
    renderBoard();
    expect(screen.getByRole("heading", { level: 1, name: "Weekly" })).toBeTruthy();
    const items = within(screen.getByRole("list", { name: "Tiles" })).getAllByRole("listitem");
    expect(items.map((item) => item.getAttribute("data-tile-kind"))).toEqual(["report", "report", "text", "current_visitors", "report"]);
    expect(items[1]!.className).toContain("lg:col-span-3");

    const blog = await screen.findByRole("link", { name: "Blog traffic" });
    expect(blog.getAttribute("href")).toBe("/explore?report=1&site=CDBUGS&group=day");
    expect(within(items[2]!).getByRole("heading", { level: 2, name: "Read me" })).toBeTruthy();
    expect(await screen.findByRole("heading", { name: "Current visitors on Acme blog" })).toBeTruthy();
    // Both report tiles asked at once, without waiting for each other.
    await waitFor(() => expect(runUrls()).toHaveLength(2));
  });

  it("says a tile's saved report was deleted, without breaking the board", () => {
    renderBoard();
    const gone = document.querySelector('[data-tile="gone-tile"]') as HTMLElement;
    expect(within(gone).getByRole("heading", { name: "Deleted report" })).toBeTruthy();
    expect(within(gone).getByText(/was deleted, so there is nothing to show/)).toBeTruthy();
    // Viewers are not offered to remove it.
    expect(within(gone).queryByRole("button", { name: "Remove tile" })).toBeNull();
  });

  it("changes every following tile's query with the bar's range, but not a pinned one, and writes it to the address", async () => {
    const user = userEvent.setup();
    renderBoard();
    await waitFor(() => expect(panelKey("blog-tile")).toBe("site=CDBUGS&group=day&sort=timestamp:asc"));
    expect(screen.queryByText(/Pinned range/)).toBeNull();

    await user.selectOptions(screen.getByRole("combobox", { name: "Date range" }), "last_7_days");
    expect(window.location.search).toBe("?range=last_7_days");
    await waitFor(() => expect(panelKey("blog-tile")).toBe("site=CDBUGS&range=last_7_days&group=day&sort=timestamp:asc"));
    expect(panelKey("pinned-tile")).toBe("site=CDBUGS&metrics=visits&group=day&sort=timestamp:asc");
    expect(screen.getByText("Pinned range: last 30 days")).toBeTruthy();
    await waitFor(() => expect(runUrls()).toContain("/api/reports/run?site=CDBUGS&range=last_7_days&group=day&sort=timestamp:asc"));
    expect(screen.getByRole("link", { name: "Blog traffic" }).getAttribute("href")).toBe("/explore?report=1&site=CDBUGS&range=last_7_days&group=day");

    await user.click(screen.getByRole("button", { name: "Reset to the dashboard’s own" }));
    expect(window.location.search).toBe("");
    await waitFor(() => expect(panelKey("blog-tile")).toBe("site=CDBUGS&group=day&sort=timestamp:asc"));
  });

  it("opens with the address's range and filters, and says what it ignored", async () => {
    renderBoard("?range=last_90_days&filter=country_code~is~DE&filter=country_code~is_like~D");
    await waitFor(() => expect(panelKey("blog-tile")).toBe("site=CDBUGS&range=last_90_days&group=day&filter=country_code~is~DE&sort=timestamp:asc"));
    expect(screen.getByText("Country is \"DE\"")).toBeTruthy();
    expect(screen.getByText(/The filter “country_code~is_like~D” in the address was ignored/)).toBeTruthy();
  });

  it("adds a filter from the bar to every following tile", async () => {
    const user = userEvent.setup();
    renderBoard();
    await user.click(screen.getByRole("button", { name: "Add filter" }));
    const form = await screen.findByRole("form", { name: "Add a filter to every following report tile" });
    await user.selectOptions(within(form).getByLabelText("Property"), "country_code");
    await user.click(within(form).getByRole("button", { name: "Add filter" }));
    expect(within(form).getByText("Type a value to filter on")).toBeTruthy();
    await user.type(within(form).getByLabelText("Value"), "DE");
    await user.click(within(form).getByRole("button", { name: "Add filter" }));
    expect(window.location.search).toBe("?filter=country_code~is~DE");
    await waitFor(() => expect(panelKey("blog-tile")).toBe("site=CDBUGS&group=day&filter=country_code~is~DE&sort=timestamp:asc"));
    await user.click(screen.getByRole("button", { name: 'Remove filter: Country is "DE"' }));
    expect(window.location.search).toBe("");
  });

  it("opens the editor for editors only, focuses it, and gives focus back to “Edit” on Cancel", async () => {
    const user = userEvent.setup();
    renderBoard("", false);
    expect(screen.queryByRole("button", { name: "Edit" })).toBeNull();
    cleanup();

    renderBoard("", true);
    await user.click(screen.getByRole("button", { name: "Edit" }));
    const heading = await screen.findByRole("heading", { level: 1, name: "Editing “Weekly”" });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    // The broken tile can be taken off while editing; the board's bar stays.
    const gone = document.querySelector('[data-tile="gone-tile"]') as HTMLElement;
    expect(within(gone).getByRole("button", { name: "Remove tile" })).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "Date range" })).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("button", { name: "Edit" })));
    expect(screen.getByRole("heading", { level: 1, name: "Weekly" })).toBeTruthy();
  });
});
