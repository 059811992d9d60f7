// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, waitFor, within } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { stubChartLayout } from "@/components/charts/test-chart-layout";
import { defaultReportQuery, type ReportQuery } from "@/lib/query/report-query";
import { decodeReportQuery, encodeReportQuery } from "@/lib/query/url-codec";
import { ReportPanel } from "./report-panel";
import { dailyResult, pagesResult } from "./test-report-results";

const NOW = new Date("2024-05-15T10:03:00Z");
const DAILY: ReportQuery = dailyResult().query;
const PAGES: ReportQuery = { ...pagesResult([], 0).query, filters: [{ property: "hostname", operator: "is", value: "blog.example.com" }] };
const OTHER_SITE: ReportQuery = { ...defaultReportQuery("ZXCVBN"), range: { preset: "last_7_days" } };
const REFUSAL = "Fathom did not accept the request: The hostname filter is not valid.";

/** The run route as three reports meet it: the daily one answers, the pages one is refused, the other site's never comes. */
function routeFor({ pagesRefused }: { pagesRefused: () => boolean }) {
  return vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const decoded = decodeReportQuery(new URL(String(input), "http://localhost").searchParams);
    if (!decoded.ok) throw new Error(`the panel asked for a report the codec can't read: ${String(input)}`);
    const key = encodeReportQuery(decoded.query);
    if (key === encodeReportQuery(DAILY)) return Response.json(dailyResult({}, decoded.query));
    if (key === encodeReportQuery(PAGES)) {
      if (pagesRefused()) return Response.json({ error: { code: "fathom_validation", message: REFUSAL } }, { status: 400 });
      return Response.json({ ...pagesResult([["/", 50], ["/pricing", 30]], 80), query: decoded.query });
    }
    // Still on its way: only the panel's own abort ends it.
    return new Promise<Response>((_, reject) => init?.signal?.addEventListener("abort", () => reject(new DOMException("Aborted", "AbortError"))));
  });
}

beforeEach(stubChartLayout);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderPage(children: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={client}>{children}</QueryClientProvider>);
}

const panel = (id: string) => document.querySelector(`[data-report-panel="${id}"]`) as HTMLElement;
const stateOf = (id: string) => panel(id).getAttribute("data-report-state");
const runsOf = (fetchMock: ReturnType<typeof routeFor>, query: ReportQuery) =>
  fetchMock.mock.calls.filter(([input]) => String(input) === `/api/reports/run?${encodeReportQuery(query)}`).length;

describe("several report panels on one page", () => {
  it("each show their own report in their own state at the same time", async () => {
    let refused = true;
    const fetchMock = routeFor({ pagesRefused: () => refused });
    vi.stubGlobal("fetch", fetchMock);
    renderPage(
      <div className="grid grid-cols-3">
        <ReportPanel panelId="daily" heading="Visits by day" query={DAILY} timezone="Europe/Berlin" now={NOW} />
        <ReportPanel panelId="pages" heading="Top pages" query={PAGES} timezone="Europe/Berlin" now={NOW} />
        <ReportPanel panelId="other" heading="Other site" query={OTHER_SITE} timezone={null} now={NOW} />
      </div>,
    );

    await waitFor(() => expect([stateOf("daily"), stateOf("pages"), stateOf("other")]).toEqual(["ready", "error", "loading"]));
    expect(panel("daily").getAttribute("data-report-key")).toBe(encodeReportQuery(DAILY));
    expect(panel("other").getAttribute("data-report-key")).toBe("site=ZXCVBN&range=last_7_days");

    const daily = within(panel("daily"));
    expect(daily.getByRole("heading", { name: "Visits by day", level: 2 })).toBeTruthy();
    expect(within(panel("daily").querySelector('[data-metric="visits"]') as HTMLElement).getByText("2,500")).toBeTruthy();
    expect(daily.getByRole("img").getAttribute("aria-label")).toMatch(/^Line chart of Visits, daily, Wed, May 1, 2024 to Tue, May 14, 2024\./);
    expect(daily.queryByRole("alert")).toBeNull();

    const pages = within(panel("pages"));
    expect(pages.getByRole("alert").textContent).toContain(REFUSAL);
    expect(pages.queryByRole("table")).toBeNull();

    const other = within(panel("other"));
    expect(other.getByRole("status").textContent).toBe("Loading the report…");
    expect(other.getByTestId("report-skeleton")).toBeTruthy();
    expect(other.queryByRole("alert")).toBeNull();

    // Retry in one panel asks again for that report only; the others stay as they are.
    refused = false;
    fireEvent.click(pages.getByRole("button", { name: "Retry" }));
    await waitFor(() => expect(stateOf("pages")).toBe("ready"));
    expect(pages.getByRole("columnheader", { name: /Page$/ })).toBeTruthy();
    expect([runsOf(fetchMock, DAILY), runsOf(fetchMock, PAGES), runsOf(fetchMock, OTHER_SITE)]).toEqual([1, 2, 1]);
    expect([stateOf("daily"), stateOf("other")]).toEqual(["ready", "loading"]);
  });

  it("share one request between panels that show the same report", async () => {
    const fetchMock = routeFor({ pagesRefused: () => false });
    vi.stubGlobal("fetch", fetchMock);
    renderPage(
      <>
        <ReportPanel panelId="cards" query={DAILY} timezone="Europe/Berlin" parts={["cards"]} now={NOW} />
        <ReportPanel panelId="table" query={DAILY} timezone="Europe/Berlin" parts={["table"]} now={NOW} />
      </>,
    );
    await waitFor(() => expect([stateOf("cards"), stateOf("table")]).toEqual(["ready", "ready"]));
    expect(runsOf(fetchMock, DAILY)).toBe(1);
    expect(within(panel("cards")).queryByRole("table")).toBeNull();
    expect(within(panel("table")).getByRole("table")).toBeTruthy();
  });
});
