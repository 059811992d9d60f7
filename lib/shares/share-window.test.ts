import { describe, expect, it } from "vitest";
import { isApiError } from "@/lib/api/errors";
import { defaultReportQuery, type ReportQuery } from "@/lib/query/report-query";
import { cutQuery, describeCut, sharePreset } from "./share-window";

// Friday 20 March 2026, 12:00 in New York.
const NOW = new Date("2026-03-20T16:00:00Z");
const options = { timezone: "America/New_York", now: NOW, earliest: "2024-06-01" };
const base = defaultReportQuery("CDBUGS");
const query = (patch: Partial<ReportQuery>): ReportQuery => ({ ...base, ...patch });

function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (isApiError(error)) return { status: error.status, code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("sharePreset", () => {
  const window = { presets: ["last_month", "last_30_days"] as const, defaultPreset: "last_month" as const };

  it("opens with the default, and switches to an allowed preset", () => {
    expect(sharePreset({ ...window, presets: [...window.presets] }, undefined)).toBe("last_month");
    expect(sharePreset({ ...window, presets: [...window.presets] }, "last_30_days")).toBe("last_30_days");
  });

  it("refuses a preset that was not shared, naming the ones that were, without echoing the request", () => {
    const refused = refusal(() => sharePreset({ ...window, presets: [...window.presets] }, "this_year"));
    expect(refused).toEqual({ status: 400, code: "range_not_shared", message: "This link shows Last month or Last 30 days only." });
    const hostile = refusal(() => sharePreset({ ...window, presets: [...window.presets] }, "<script>__proto__"));
    expect(hostile.message).not.toContain("script");
  });

  it("refuses any range when the share shows only its report's own dates", () => {
    expect(sharePreset({ presets: [], defaultPreset: null }, undefined)).toBeNull();
    expect(refusal(() => sharePreset({ presets: [], defaultPreset: null }, "today"))).toMatchObject({
      code: "range_not_shared",
      message: "This link shows its report's own dates only: it cannot switch to another range.",
    });
    expect(refusal(() => sharePreset({ presets: [], defaultPreset: null }, ""))).toMatchObject({ status: 400 });
  });
});

describe("cutQuery", () => {
  const none = { floor: null, ceiling: null };

  it("leaves a range inside the window as it is", () => {
    const cut = cutQuery(query({ range: { preset: "last_7_days" } }), { floor: "2026-03-01", ceiling: null }, options);
    expect(cut).toMatchObject({ ok: true, cut: false, comparisonOff: false, range: { startDate: "2026-03-14", endDate: "2026-03-20" } });
    expect(cut.ok && cut.query.range).toEqual({ preset: "last_7_days" });
  });

  it("cuts a range at the floor into custom dates", () => {
    const cut = cutQuery(query({ range: { preset: "last_30_days" } }), { floor: "2026-03-01", ceiling: null }, options);
    expect(cut).toMatchObject({ ok: true, cut: true, range: { startDate: "2026-03-01", endDate: "2026-03-20", days: 20, from: "2026-03-01 00:00:00" } });
    expect(cut.ok && cut.query.range).toEqual({ preset: "custom", from: "2026-03-01", to: "2026-03-20" });
  });

  it("cuts at the ceiling, and all time at both ends", () => {
    const limits = { floor: "2025-01-01", ceiling: "2025-12-31" };
    const cut = cutQuery(query({ range: { preset: "all_time" } }), limits, options);
    expect(cut.ok && cut.query.range).toEqual({ preset: "custom", from: "2025-01-01", to: "2025-12-31" });
  });

  it("resolves 'today' in the site's timezone", () => {
    // 02:00 UTC on 21 March is still 20 March in New York.
    const late = { ...options, now: new Date("2026-03-21T02:00:00Z") };
    const cut = cutQuery(query({ range: { preset: "today" } }), none, late);
    expect(cut.ok && cut.range.startDate).toBe("2026-03-20");
  });

  it("leaves nothing to show when the range is entirely outside the window", () => {
    expect(cutQuery(query({ range: { preset: "last_year" } }), { floor: "2026-03-01", ceiling: null }, options)).toEqual({
      ok: false,
      problem: "Nothing to show: these dates are outside what was shared (from Mar 1, 2026).",
    });
    const after = cutQuery(query({ range: { preset: "this_month" } }), { floor: null, ceiling: "2026-02-28" }, options);
    expect(after).toEqual({ ok: false, problem: "Nothing to show: these dates are outside what was shared (until Feb 28, 2026)." });
  });

  it("turns off a comparison whose period reaches before the floor", () => {
    const cut = cutQuery(query({ range: { preset: "last_7_days" }, compare: "previous_period" }), { floor: "2026-03-10", ceiling: null }, options);
    expect(cut).toMatchObject({ ok: true, cut: false, comparisonOff: true, query: { compare: "none" } });
    const kept = cutQuery(query({ range: { preset: "last_7_days" }, compare: "previous_period" }), { floor: "2026-03-01", ceiling: null }, options);
    expect(kept).toMatchObject({ ok: true, comparisonOff: false, query: { compare: "previous_period" } });
  });
});

describe("describeCut", () => {
  it("says which dates were shared and why a comparison is missing", () => {
    expect(describeCut({ floor: "2026-03-01", ceiling: null }, { cut: false, comparisonOff: false })).toBeNull();
    expect(describeCut({ floor: "2026-03-01", ceiling: null }, { cut: true, comparisonOff: false })).toBe(
      "Only dates from Mar 1, 2026 were shared: the rest of the range is not shown.",
    );
    // Intl writes the range's dash between thin spaces.
    const both = describeCut({ floor: "2026-03-01", ceiling: "2026-06-30" }, { cut: true, comparisonOff: true });
    expect(both?.replace(/\s/g, " ")).toBe(
      "Only dates Mar 1 – Jun 30, 2026 were shared: the rest of the range is not shown. Shown without comparison: the earlier period reaches outside what was shared (Mar 1 – Jun 30, 2026).",
    );
  });
});
