// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { stubChartLayout } from "@/components/charts/test-chart-layout";
import { pagesResult } from "@/components/report/test-report-results";
import { defaultReportQuery } from "@/lib/query/report-query";
import { decodeReportQuery } from "@/lib/query/url-codec";
import type { BuilderSite } from "./builder-site";
import { ExploreWorkspace } from "./explore-workspace";

const SITES: BuilderSite[] = [{ id: "CDBUGS", name: "Acme blog", timezone: "Europe/Berlin", events: [] }];

/** The run route: pageviews by page, for the query asked (from the URL). */
const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
  const url = new URL(String(input), "http://localhost");
  const decoded = decodeReportQuery(url.searchParams);
  if (url.pathname !== "/api/reports/run" || !decoded.ok) return Response.json({ error: { code: "not_found", message: "Not here." } }, { status: 404 });
  return Response.json({ ...pagesResult([["/", 50], ["/pricing", 30], [null, 20]], 100), query: decoded.query });
});

beforeAll(async () => {
  await import("@/components/report/report-panel");
}, 60_000);

beforeEach(() => {
  stubChartLayout();
  vi.stubGlobal("fetch", fetchMock);
  fetchMock.mockClear();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const panel = () => document.querySelector('[data-report-panel="explore"]');

describe("ExploreWorkspace, click to filter", () => {
  it("adds a clicked value to the report's filters as a new address, which Back undoes", async () => {
    window.history.replaceState(null, "", "/explore?site=CDBUGS&metrics=pageviews&by=pathname&group=none");
    const user = userEvent.setup();
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <ExploreWorkspace sites={SITES} initialQuery={defaultReportQuery("CDBUGS")} canAddMilestones={false} />
      </QueryClientProvider>,
    );
    await waitFor(() => expect(panel()?.getAttribute("data-report-state")).toBe("ready"));

    await user.click(within(screen.getByRole("table")).getByRole("button", { name: "Filter on Page is /pricing" }));
    expect(window.location.search).toBe("?site=CDBUGS&metrics=pageviews&by=pathname&group=none&filter=pathname~is~/pricing");
    await waitFor(() => expect(panel()?.getAttribute("data-report-key")).toBe("site=CDBUGS&metrics=pageviews&by=pathname&group=none&filter=pathname~is~/pricing"));
    await waitFor(() => expect(panel()?.getAttribute("data-report-state")).toBe("ready"));
    // The value filtered on offers no second filter.
    expect(within(screen.getByRole("table")).queryByRole("button", { name: "Filter on Page is /pricing" })).toBeNull();

    act(() => window.history.back());
    await waitFor(() => expect(window.location.search).toBe("?site=CDBUGS&metrics=pageviews&by=pathname&group=none"));
    await waitFor(() => expect(panel()?.getAttribute("data-report-key")).toBe("site=CDBUGS&metrics=pageviews&by=pathname&group=none"));
  });
});
