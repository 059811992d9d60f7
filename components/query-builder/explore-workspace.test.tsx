// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
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

function renderWorkspace() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ExploreWorkspace sites={SITES} initialQuery={defaultReportQuery("CDBUGS")} canAddMilestones={false} />
    </QueryClientProvider>,
  );
}

const runUrls = () => fetchMock.mock.calls.map(([input]) => String(input)).filter((url) => url.startsWith("/api/reports/run"));

describe("ExploreWorkspace", () => {
  it("runs the URL's report on load, pushes the URL on Run, and follows Back into the builder", async () => {
    const user = userEvent.setup();
    renderWorkspace();
    await waitFor(() => expect(runUrls()).toEqual(["/api/reports/run?site=CDBUGS"]));
    await waitFor(() => expect(document.querySelector("[data-report-key]")?.getAttribute("data-report-state")).toBe("ready"));

    await user.selectOptions(screen.getByRole("combobox", { name: "Date range" }), "last_7_days");
    // Editing alone changes neither the URL nor what is shown.
    expect(window.location.search).toBe("");
    expect(runUrls()).toHaveLength(1);

    await user.click(screen.getByRole("button", { name: /run report/i }));
    expect(window.location.search).toBe("?site=CDBUGS&range=last_7_days");
    await waitFor(() => expect(runUrls()).toContain("/api/reports/run?site=CDBUGS&range=last_7_days"));
    await waitFor(() => {
      const report = document.querySelector("[data-report-key]");
      expect([report?.getAttribute("data-report-key"), report?.getAttribute("data-report-state")]).toEqual(["site=CDBUGS&range=last_7_days", "ready"]);
    });

    act(() => window.history.back());
    await waitFor(() => expect(screen.getByRole("combobox", { name: "Date range" })).toHaveProperty("value", "last_30_days"));
    // The earlier report comes from the browser's cache: no new request.
    expect(runUrls()).toHaveLength(2);
    expect(document.querySelector("[data-report-key]")?.getAttribute("data-report-key")).toBe("site=CDBUGS");
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
