// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { defaultReportQuery } from "@/lib/query/report-query";
import type { ReportCost } from "@/lib/reports/report-cost-answer";
import { costText, RunCost } from "./run-cost";

const NOW = Date.parse("2024-05-15T16:00:00Z");
const budget = (patch: Partial<ReportCost["budget"]> = {}): ReportCost["budget"] => ({
  available: 6,
  capacity: 10,
  windowSeconds: 61,
  nextTokenAt: "2024-05-15T16:00:40.000Z",
  pausedUntil: null,
  queued: 0,
  ...patch,
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("costText", () => {
  it("says what a report costs and what is left this minute", () => {
    expect(costText({ questions: 2, cached: 0, budget: budget() }, NOW)).toEqual({ text: "2 Fathom requests; 6 of 10 left this minute.", waits: false });
    expect(costText({ questions: 4, cached: 3, budget: budget() }, NOW).text).toBe("1 Fathom request (3 more answered from the cache); 6 of 10 left this minute.");
    expect(costText({ questions: 2, cached: 2, budget: budget() }, NOW).text).toBe("Costs no Fathom request: Sounding already has every answer.");
  });

  it("says a report that does not fit will be queued, behind whom and for about how long", () => {
    expect(costText({ questions: 2, cached: 0, budget: budget({ available: 1, queued: 2 }) }, NOW)).toEqual({
      text: "2 Fathom requests; 1 of 10 left this minute. It will be queued, behind 2 reports already waiting and start in about 40 s.",
      waits: true,
    });
    expect(costText({ questions: 1, cached: 0, budget: budget({ pausedUntil: "2024-05-15T16:00:30.000Z" }) }, NOW).text).toBe(
      "1 Fathom request. Fathom asked Sounding to wait: it will be queued and run in about 30 s.",
    );
  });
});

describe("RunCost", () => {
  it("asks the cost route for the builder's report and shows its answer", async () => {
    const fetchMock = vi.fn(async () => Response.json({ questions: 2, cached: 1, budget: budget({ nextTokenAt: null }) }));
    vi.stubGlobal("fetch", fetchMock);
    render(
      <QueryClientProvider client={new QueryClient()}>
        <RunCost query={defaultReportQuery("CDBUGS")} shownKey="a" />
      </QueryClientProvider>,
    );
    expect(await screen.findByText("1 Fathom request (1 more answered from the cache); 6 of 10 left this minute.")).toBeTruthy();
    expect(String(fetchMock.mock.calls[0]![0 as never])).toBe("/api/reports/cost?site=CDBUGS");
  });

  it("asks nothing for a report that cannot run", () => {
    const fetchMock = vi.fn();
    vi.stubGlobal("fetch", fetchMock);
    render(
      <QueryClientProvider client={new QueryClient()}>
        <RunCost query={{ ...defaultReportQuery("CDBUGS"), metrics: [] }} shownKey="a" />
      </QueryClientProvider>,
    );
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
