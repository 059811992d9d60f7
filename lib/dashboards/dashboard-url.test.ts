import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultReportQuery, type ReportFilter } from "@/lib/query/report-query";
import { encodeReportQuery } from "@/lib/query/url-codec";
import { decodeDashboardUrl, encodeDashboardUrl, dashboardHref, filterProblem, sameScope } from "./dashboard-url";
import type { BoardScope } from "./tile-query";

const germany: ReportFilter = { property: "country_code", operator: "is", value: "DE" };
const blog: ReportFilter = { property: "pathname", operator: "is not like", value: "/blog, 2024/*" };
const none: BoardScope = { range: null, filters: [] };
const weekly: BoardScope = { range: { preset: "last_7_days" }, filters: [germany] };

describe("decodeDashboardUrl", () => {
  it("reads Explore's range and filter parameters", () => {
    const read = decodeDashboardUrl("?range=last_7_days&filter=country_code~is~DE", none);
    expect(read).toEqual({ scope: weekly, messages: [] });
    expect(decodeDashboardUrl({ range: "2024-01-01..2024-01-31", filter: ["country_code~is~DE", "pathname~is_not_like~/blog, 2024/*"] }, none).scope).toEqual({
      range: { preset: "custom", from: "2024-01-01", to: "2024-01-31" },
      filters: [germany, blog],
    });
  });

  it("falls back to the dashboard's saved range and filters when the address has none", () => {
    expect(decodeDashboardUrl("", weekly)).toEqual({ scope: weekly, messages: [] });
    expect(decodeDashboardUrl(new URLSearchParams("unrelated=1"), weekly).scope).toEqual(weekly);
  });

  it("reads the dashboard's own words for no range and no filters", () => {
    expect(decodeDashboardUrl("range=own&filters=none", weekly).scope).toEqual(none);
  });

  it("ignores hostile values with a message, keeping the rest", () => {
    const read = decodeDashboardUrl(
      "range=<script>&filter=country_code~is_like~D&filter=nonsense&filter=city~is~Berlin&filters=everything&filter=pathname~matching~(a",
      weekly,
    );
    expect(read.scope).toEqual({ range: { preset: "last_7_days" }, filters: [{ property: "city", operator: "is", value: "Berlin" }] });
    expect(read.messages).toHaveLength(4);
    expect(read.messages[0]).toMatch(/^The range “<script>” in the address was ignored: /);
    expect(read.messages[1]).toMatch(/Country can only be filtered with/);
    expect(read.messages[3]).toMatch(/valid regular expression/);
  });

  it("keeps the saved filters when every filter in the address is broken", () => {
    const read = decodeDashboardUrl("filter=keyword~is~x&range=2024-02-30..2024-03-01", weekly);
    expect(read.scope).toEqual(weekly);
    expect(read.messages).toHaveLength(2);
  });

  it("reads each filter once, and at most twenty", () => {
    const many = Array.from({ length: 25 }, (_, index) => `filter=pathname~is~/p${index}`).join("&");
    const read = decodeDashboardUrl(`${many}&filter=pathname~is~/p0`, none);
    expect(read.scope.filters).toHaveLength(20);
    expect(read.messages).toEqual(["Only the first 20 filters in the address are used."]);
  });

  it("never throws, whatever the address", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom("range", "filter", "filters"), fc.string())), (pairs) => {
        const read = decodeDashboardUrl(new URLSearchParams(pairs), weekly);
        expect(read.scope.filters.length).toBeLessThanOrEqual(20);
      }),
    );
  });
});

describe("encodeDashboardUrl", () => {
  it("writes only what differs from the saved scope", () => {
    expect(encodeDashboardUrl(weekly, weekly)).toBe("");
    expect(encodeDashboardUrl(weekly, none)).toBe("range=last_7_days&filter=country_code~is~DE");
    expect(encodeDashboardUrl(none, weekly)).toBe("range=own&filters=none");
    expect(dashboardHref(4, weekly, none)).toBe("/dashboards/4?range=last_7_days&filter=country_code~is~DE");
    expect(dashboardHref(4, weekly, weekly)).toBe("/dashboards/4");
  });

  it("writes ranges and filters exactly as Explore does", () => {
    const range = { preset: "custom" as const, from: "2024-01-01", to: "2024-01-31" };
    const scope: BoardScope = { range, filters: [germany, blog] };
    const explore = encodeReportQuery({ ...defaultReportQuery("CDBUGS"), range, filters: [germany, blog] });
    expect(`site=CDBUGS&${encodeDashboardUrl(scope, none)}`).toBe(explore);
  });

  it("reads back what it writes", () => {
    for (const scope of [weekly, none, { range: { preset: "all_time" as const }, filters: [blog, { property: "utm_source" as const, operator: "is" as const, value: "a&b=c~d%" }] }]) {
      for (const saved of [weekly, none]) {
        const read = decodeDashboardUrl(encodeDashboardUrl(scope, saved), saved);
        expect(read.messages).toEqual([]);
        expect(sameScope(read.scope, scope)).toBe(true);
      }
    }
  });
});

describe("filterProblem", () => {
  it("says what is wrong with a filter, as Explore would", () => {
    expect(filterProblem(germany)).toBeNull();
    expect(filterProblem({ property: "country_code", operator: "is like", value: "D" })).toMatch(/Country can only be filtered/);
    expect(filterProblem({ property: "pathname", operator: "is", value: "  " })).toBe("Type a value to filter on");
  });
});
