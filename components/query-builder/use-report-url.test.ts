// @vitest-environment jsdom
import { act, renderHook, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { defaultReportQuery, type ReportQuery } from "@/lib/query/report-query";
import { reportUrlState } from "./report-url-state";
import { pushReportUrl, replaceSavedReportParam, useReportUrl, useSavedReportParam } from "./use-report-url";

beforeEach(() => window.history.replaceState(null, "", "/explore"));

const weekly: ReportQuery = { ...defaultReportQuery("CDBUGS"), range: { preset: "last_7_days" }, by: ["pathname"] };

describe("reportUrlState", () => {
  it("reads a bare /explore as the first site's default report", () => {
    expect(reportUrlState("", "CDBUGS")).toEqual({ ok: true, query: defaultReportQuery("CDBUGS") });
  });

  it("puts a report without a site on the first site, and keeps the site a link names", () => {
    expect(reportUrlState("?range=last_7_days", "CDBUGS")).toMatchObject({ ok: true, query: { site: "CDBUGS", range: { preset: "last_7_days" } } });
    expect(reportUrlState({ site: "ZXCVBN" }, "CDBUGS")).toMatchObject({ ok: true, query: { site: "ZXCVBN" } });
  });

  it("reports a broken link by the control at fault instead of throwing", () => {
    const state = reportUrlState("?group=hour&range=last_30_days&metrics=visits,nonsense", "CDBUGS");
    expect(state.ok).toBe(false);
    if (state.ok) return;
    expect(state.errors.grouping?.[0]).toMatch(/Hourly needs a range of 7 days or less/);
    expect(state.errors.metrics?.[0]).toMatch(/isn't a metric/);
  });
});

describe("useReportUrl", () => {
  it("follows Run into the address bar and walks back and forward through earlier reports", async () => {
    const { result } = renderHook(() => useReportUrl("", "CDBUGS"));
    expect(result.current.state).toEqual({ ok: true, query: defaultReportQuery("CDBUGS") });
    const entries = window.history.length;

    act(() => {
      result.current.push(weekly);
    });
    expect(window.location.pathname).toBe("/explore");
    expect(window.location.search).toBe("?site=CDBUGS&range=last_7_days&by=pathname");
    expect(result.current.state).toEqual({ ok: true, query: weekly });
    expect(window.history.length).toBe(entries + 1);

    // Running the same report again adds no history entry.
    act(() => {
      expect(result.current.push(weekly)).toBe(false);
    });
    expect(window.history.length).toBe(entries + 1);

    act(() => window.history.back());
    await waitFor(() => expect(result.current.state).toEqual({ ok: true, query: defaultReportQuery("CDBUGS") }));
    act(() => window.history.forward());
    await waitFor(() => expect(result.current.state).toEqual({ ok: true, query: weekly }));
  });

  it("starts from the address the page was opened with", () => {
    window.history.replaceState(null, "", "/explore?site=ZXCVBN&compare=previous_year");
    const { result } = renderHook(() => useReportUrl("", "CDBUGS"));
    expect(result.current.state).toMatchObject({ ok: true, query: { site: "ZXCVBN", compare: "previous_year" } });
  });
});

describe("the saved report an address edits", () => {
  it("keeps report= in front of the query as Run pushes new reports", () => {
    window.history.replaceState(null, "", "/explore?report=12&site=CDBUGS");
    expect(pushReportUrl(weekly)).toBe(true);
    expect(window.location.search).toBe("?report=12&site=CDBUGS&range=last_7_days&by=pathname");
    expect(pushReportUrl(weekly)).toBe(false);
  });

  it("points the address at another saved report, or none, without a history entry or re-escaping the query", () => {
    window.history.replaceState(null, "", "/explore?report=12&site=CDBUGS&metrics=visits,pageviews&filter=pathname~is~/blog");
    const { result } = renderHook(() => useSavedReportParam(null));
    expect(result.current).toBe("12");
    const entries = window.history.length;

    act(() => replaceSavedReportParam(40));
    expect(window.location.search).toBe("?report=40&site=CDBUGS&metrics=visits,pageviews&filter=pathname~is~/blog");
    expect(result.current).toBe("40");

    act(() => replaceSavedReportParam(null));
    expect(window.location.search).toBe("?site=CDBUGS&metrics=visits,pageviews&filter=pathname~is~/blog");
    expect(result.current).toBeNull();
    expect(window.history.length).toBe(entries);

    window.history.replaceState(null, "", "/explore");
    act(() => replaceSavedReportParam(7));
    expect(window.location.search).toBe("?report=7");
  });

  it("reads the report's query alongside report=, which the codec ignores", () => {
    window.history.replaceState(null, "", "/explore?report=12&site=ZXCVBN&range=last_7_days");
    const { result } = renderHook(() => useReportUrl("", "CDBUGS"));
    expect(result.current.state).toMatchObject({ ok: true, query: { site: "ZXCVBN", range: { preset: "last_7_days" } } });
  });
});
