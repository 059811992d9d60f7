// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { stubChartLayout } from "@/components/charts/test-chart-layout";
import { dailyResult } from "@/components/report/test-report-results";
import { defaultReportQuery } from "@/lib/query/report-query";
import { decodeReportQuery } from "@/lib/query/url-codec";
import type { BuilderSite } from "./builder-site";
import { ExploreWorkspace } from "./explore-workspace";

const SITES: BuilderSite[] = [{ id: "CDBUGS", name: "Acme blog", timezone: "Europe/Berlin", events: [] }];

/** The run route as the page sees it: the answer names the query it was asked (from the URL). */
const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
  const url = new URL(String(input), "http://localhost");
  if (url.pathname !== "/api/reports/run") return Response.json({ error: { code: "not_found", message: "Not here." } }, { status: 404 });
  const decoded = decodeReportQuery(url.searchParams);
  if (!decoded.ok) return Response.json({ error: { code: "invalid_query", message: "Bad." } }, { status: 400 });
  return Response.json(dailyResult({}, decoded.query));
});

// The page loads the panel and the milestone writer lazily; compiling them (recharts and all) the first
// time can outlast a waitFor, so it happens once here and the waits below measure the page.
beforeAll(async () => {
  await Promise.all([import("@/components/report/report-panel"), import("@/components/milestones/add-milestone-dialog")]);
}, 60_000);

beforeEach(() => {
  stubChartLayout();
  window.history.replaceState(null, "", "/explore");
  vi.stubGlobal("fetch", fetchMock);
  fetchMock.mockClear();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderWorkspace({ canAddMilestones = false } = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ExploreWorkspace sites={SITES} initialQuery={defaultReportQuery("CDBUGS")} canAddMilestones={canAddMilestones} />
    </QueryClientProvider>,
  );
}

/** Explore's one report panel (a page may hold several; tests wait on this one). */
const panel = () => document.querySelector('[data-report-panel="explore"]');

// Explore asks its one report alone (`solo=1`): nothing on the page could be folded with it.
const runUrls = () => fetchMock.mock.calls.map(([input]) => String(input)).filter((url) => url.startsWith("/api/reports/run"));

describe("ExploreWorkspace", () => {
  it("runs the URL's report on load, pushes the URL on Run, and follows Back into the builder", async () => {
    const user = userEvent.setup();
    renderWorkspace();
    await waitFor(() => expect(runUrls()).toEqual(["/api/reports/run?site=CDBUGS&solo=1"]));
    await waitFor(() => expect(panel()?.getAttribute("data-report-state")).toBe("ready"));

    await user.selectOptions(screen.getByRole("combobox", { name: "Date range" }), "last_7_days");
    // Editing alone changes neither the URL nor what is shown.
    expect(window.location.search).toBe("");
    expect(runUrls()).toHaveLength(1);

    await user.click(screen.getByRole("button", { name: /run report/i }));
    expect(window.location.search).toBe("?site=CDBUGS&range=last_7_days");
    await waitFor(() => expect(runUrls()).toContain("/api/reports/run?site=CDBUGS&range=last_7_days&solo=1"));
    await waitFor(() => {
      expect([panel()?.getAttribute("data-report-key"), panel()?.getAttribute("data-report-state")]).toEqual(["site=CDBUGS&range=last_7_days", "ready"]);
    });

    act(() => window.history.back());
    await waitFor(() => expect(screen.getByRole("combobox", { name: "Date range" })).toHaveProperty("value", "last_30_days"));
    // The earlier report comes from the browser's cache: no new request.
    expect(runUrls()).toHaveLength(2);
    expect(panel()?.getAttribute("data-report-key")).toBe("site=CDBUGS");
  });

  it("copies a link to the report on screen", async () => {
    // userEvent stands in for the clipboard.
    const user = userEvent.setup();
    window.history.replaceState(null, "", "/explore?site=CDBUGS&range=last_7_days");
    renderWorkspace();
    await user.click(screen.getByRole("button", { name: "Copy link" }));
    expect(await screen.findByText(/Link copied/)).toBeTruthy();
    expect(await navigator.clipboard.readText()).toBe(`${window.location.origin}/explore?site=CDBUGS&range=last_7_days`);
  });

  it("marks the report shown as not the builder's once the builder is edited, and Copy link says which it copies", async () => {
    const user = userEvent.setup();
    renderWorkspace();
    await waitFor(() => expect(panel()?.getAttribute("data-report-state")).toBe("ready"));
    expect(screen.queryByText(/changes that aren't run yet/)).toBeNull();

    await user.selectOptions(screen.getByRole("combobox", { name: "Date range" }), "last_7_days");
    expect(screen.getByText(/The builder has changes that aren't run yet/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Copy link to the report shown" }));
    expect(await screen.findByText(/without the builder's changes/)).toBeTruthy();
    expect(await navigator.clipboard.readText()).toBe(`${window.location.origin}/explore?site=CDBUGS`);

    await user.click(screen.getByRole("button", { name: "Run the changes" }));
    expect(window.location.search).toBe("?site=CDBUGS&range=last_7_days");
    await waitFor(() => expect(screen.queryByText(/changes that aren't run yet/)).toBeNull());
    expect(screen.getByRole("button", { name: "Copy link" })).toBeTruthy();
  });

  it("offers editors to add a milestone from the chart, and viewers not", async () => {
    renderWorkspace();
    await waitFor(() => expect(panel()?.getAttribute("data-report-state")).toBe("ready"));
    expect(screen.getByRole("list", { name: "Milestones in this range" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Add a milestone…" })).toBeNull();
    cleanup();

    const user = userEvent.setup();
    renderWorkspace({ canAddMilestones: true });
    // The writer loads on its own, after the panel: wait for it rather than for the panel.
    await user.click(await screen.findByRole("button", { name: "Add a milestone…" }));
    const dialog = screen.getByRole("dialog", { name: "Add milestone here" });
    // The answer's last day (the fixture's range ends on 14 May).
    expect((within(dialog).getByLabelText("Date") as HTMLInputElement).value).toBe("2024-05-14");
  });

  it("says when a link names a site the account doesn't have", () => {
    window.history.replaceState(null, "", "/explore?site=NOPE");
    const client = new QueryClient();
    render(
      <QueryClientProvider client={client}>
        <ExploreWorkspace sites={SITES} initialQuery={{ ...defaultReportQuery("NOPE") }} canAddMilestones={false} />
      </QueryClientProvider>,
    );
    expect(screen.getByText(/site \(NOPE\) that your Fathom account doesn't have/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "Start a new report" }).getAttribute("href")).toBe("/explore");
    expect(runUrls()).toEqual([]);
  });
});
