// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { defaultReportQuery } from "@/lib/query/report-query";
import { canonicalReportQuery } from "@/lib/query/stored-query";
import type { SavedReportListItem } from "@/lib/reports/saved-report";
import { SavedReportsBrowser } from "./saved-reports-browser";

const ada = { id: 1, name: "Ada" };
const grace = { id: 2, name: "Grace" };

function item(id: number, name: string, siteId: string, owner: typeof ada, updatedAt: string, preview: SavedReportListItem["preview"] = null): SavedReportListItem {
  return {
    id,
    name,
    description: "",
    siteId,
    query: canonicalReportQuery(defaultReportQuery(siteId)),
    version: 1,
    owner,
    createdAt: updatedAt,
    updatedAt,
    updatedBy: owner,
    preview,
  };
}

const REPORTS = [
  item(1, "Blog traffic", "CDBUGS", ada, "2024-05-10T10:00:00.000Z", { metric: "visits", value: 12345, fetchedAt: "2024-05-10T10:00:00.000Z" }),
  item(2, "Checkout funnel", "ZXCVBN", grace, "2024-05-14T10:00:00.000Z"),
  item(3, "Avg. blog time", "CDBUGS", grace, "2024-05-12T10:00:00.000Z", { metric: "avg_duration", value: 95, fetchedAt: "2024-05-12T10:00:00.000Z" }),
];
const SITE_NAMES = { CDBUGS: "Acme blog", ZXCVBN: "Shop" };
const NOW = "2024-05-15T10:00:00.000Z";

/** The saved-report routes over an in-memory list, recording what was asked. */
let server: SavedReportListItem[];
let deleted: SavedReportListItem[];
let calls: string[];
const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
  const method = init?.method ?? "GET";
  const path = new URL(String(input), "http://localhost").pathname;
  calls.push(`${method} ${path}`);
  const id = Number(/\/api\/reports\/(\d+)/.exec(path)?.[1]);
  const found = server.find((report) => report.id === id);
  if (method === "GET" && path === "/api/reports") return Response.json({ reports: server });
  if (method === "DELETE" && found) {
    server = server.filter((report) => report !== found);
    deleted.push(found);
    return Response.json({ id, deleted: true });
  }
  if (method === "POST" && path.endsWith("/undelete")) {
    const back = deleted.find((report) => report.id === id)!;
    server = [...server, back];
    return Response.json(back);
  }
  if (method === "POST" && path.endsWith("/duplicate") && found) {
    const copy = { ...found, id: 10, name: `Copy of ${found.name}`, updatedAt: NOW };
    server = [...server, copy];
    return Response.json(copy, { status: 201 });
  }
  if (method === "PATCH" && found) {
    const next = { ...found, ...JSON.parse(String(init!.body)), version: found.version + 1 };
    server = server.map((report) => (report === found ? next : report));
    return Response.json(next);
  }
  return Response.json({ error: { code: "report_not_found", message: "That saved report does not exist." } }, { status: 404 });
});

beforeEach(() => {
  server = [...REPORTS];
  deleted = [];
  calls = [];
  vi.stubGlobal("fetch", fetchMock);
  window.history.replaceState(null, "", "/reports");
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderList({ canEdit = true, search = "", reports = REPORTS } = {}) {
  window.history.replaceState(null, "", `/reports${search}`);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <SavedReportsBrowser initialReports={reports} siteNames={SITE_NAMES} canEdit={canEdit} initialSearch={search} now={NOW} />
    </QueryClientProvider>,
  );
}

const names = () => within(screen.getByRole("region", { name: "Saved reports" })).queryAllByRole("heading", { level: 3 }).map((heading) => heading.textContent);

describe("SavedReportsBrowser", () => {
  it("lists every report, the latest change first, with its site, owner, change and figure", () => {
    renderList();
    expect(names()).toEqual(["Checkout funnel", "Avg. blog time", "Blog traffic"]);
    const blog = screen.getByRole("link", { name: "Blog traffic" }).closest("li")!;
    expect(within(blog).getByText("Acme blog")).toBeTruthy();
    expect(within(blog).getByText("Ada")).toBeTruthy();
    expect(within(blog).getByText(/5 days ago/).closest("time")?.getAttribute("dateTime")).toBe("2024-05-10T10:00:00.000Z");
    expect(within(blog).getByText("12,345").parentElement?.textContent).toBe("12,345 visits");
    // No figure cached: a dash, explained in words.
    const checkout = screen.getByRole("link", { name: "Checkout funnel" }).closest("li")!;
    expect(within(checkout).getByText(/No figure yet/).className).toBe("sr-only");
  });

  it("searches by name, filters by site and owner, and sorts, all in the address", async () => {
    const user = userEvent.setup();
    renderList();
    await user.type(screen.getByRole("searchbox", { name: "Search by name" }), "BLOG");
    expect(names()).toEqual(["Avg. blog time", "Blog traffic"]);
    expect(screen.getByText("2 of 3 reports match")).toBeTruthy();
    await waitFor(() => expect(window.location.search).toBe("?q=BLOG"));

    await user.selectOptions(screen.getByRole("combobox", { name: "Owner" }), "Grace");
    expect(names()).toEqual(["Avg. blog time"]);
    expect(window.location.search).toBe("?q=BLOG&owner=2");

    await user.click(screen.getByRole("button", { name: "Clear filters" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "Site" }), "Acme blog");
    await user.selectOptions(screen.getByRole("combobox", { name: "Sort by" }), "Name");
    expect(names()).toEqual(["Avg. blog time", "Blog traffic"]);
    expect(window.location.search).toBe("?site=CDBUGS&sort=name");

    await user.selectOptions(screen.getByRole("combobox", { name: "Site" }), "All sites");
    await user.selectOptions(screen.getByRole("combobox", { name: "Sort by" }), "Site");
    expect(names()).toEqual(["Avg. blog time", "Blog traffic", "Checkout funnel"]);
  });

  it("opens a linked list filtered as the link says, and says when nothing matches", () => {
    renderList({ search: "?owner=1&sort=name" });
    expect(names()).toEqual(["Blog traffic"]);
    expect((screen.getByRole("combobox", { name: "Owner" }) as HTMLSelectElement).value).toBe("1");
    cleanup();
    renderList({ search: "?q=nothing-like-this" });
    expect(screen.getByText(/No saved report matches these filters/)).toBeTruthy();
  });

  it("deletes after a confirmation, then Undo in the notice brings it back", async () => {
    const user = userEvent.setup();
    renderList();
    await user.click(screen.getByRole("button", { name: "Delete “Blog traffic”" }));
    const confirm = screen.getByRole("alertdialog", { name: "Delete “Blog traffic”?" });
    await user.click(within(confirm).getByRole("button", { name: "Delete report" }));

    await waitFor(() => expect(names()).toEqual(["Checkout funnel", "Avg. blog time"]));
    const notice = screen.getByText("Deleted “Blog traffic”.").closest("[tabindex]") as HTMLElement;
    await waitFor(() => expect(document.activeElement).toBe(notice));
    expect(calls).toContain("DELETE /api/reports/1");

    await user.click(within(notice).getByRole("button", { name: "Undo" }));
    await waitFor(() => expect(names()).toEqual(["Checkout funnel", "Avg. blog time", "Blog traffic"]));
    expect(calls).toContain("POST /api/reports/1/undelete");
    expect(screen.getByText(/^Restored/).textContent).toBe("Restored Blog traffic.");
    await waitFor(() => expect(document.activeElement?.textContent).toBe("Restored Blog traffic."));
  });

  it("renames in a dialog and duplicates", async () => {
    const user = userEvent.setup();
    renderList();
    await user.click(screen.getByRole("button", { name: "Rename “Checkout funnel”" }));
    const dialog = screen.getByRole("dialog", { name: "Rename report" });
    const name = within(dialog).getByRole("textbox", { name: "Name" });
    await user.clear(name);
    await user.type(name, "Checkout");
    await user.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(names()).toContain("Checkout"));
    expect(calls).toContain("PATCH /api/reports/2");
    await waitFor(() => expect(document.activeElement?.getAttribute("aria-label")).toBe("Rename “Checkout”"));

    await user.click(screen.getByRole("button", { name: "Duplicate “Blog traffic”" }));
    await waitFor(() => expect(names()).toContain("Copy of Blog traffic"));
    expect(calls).toContain("POST /api/reports/1/duplicate");
  });

  it("is read-only for viewers", () => {
    renderList({ canEdit: false });
    expect(names()).toHaveLength(3);
    expect(screen.queryByRole("button", { name: /Rename|Duplicate|Delete/ })).toBeNull();
  });

  it("says how to save a first report when there is none", () => {
    renderList({ reports: [] });
    expect(screen.getByRole("heading", { name: "No saved reports yet" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Open Explore" }).getAttribute("href")).toBe("/explore");
    expect(screen.queryByRole("search")).toBeNull();
  });
});
