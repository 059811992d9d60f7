import { describe, expect, it } from "vitest";
import { defaultReportQuery, type ReportQuery } from "@/lib/query/report-query";
import { decodeReportQuery } from "@/lib/query/url-codec";
import { eventReportHref, milestoneChartHref, reportLink, savedReportExploreHref } from "./report-links";

const decode = (href: string) => decodeReportQuery(new URL(href, "http://x").searchParams);
const weekly: ReportQuery = { ...defaultReportQuery("CDBUGS"), range: { preset: "last_7_days" }, by: ["pathname"] };

describe("reportLink", () => {
  it("writes the report on /explore by default, and on any page that reads a report", () => {
    expect(reportLink(weekly)).toBe("/explore?site=CDBUGS&range=last_7_days&by=pathname");
    expect(reportLink(weekly, { page: "/reports/123" })).toBe("/reports/123?site=CDBUGS&range=last_7_days&by=pathname");
    expect(reportLink(weekly, { page: "/dashboards/4", origin: "https://sounding.example.com/" })).toBe(
      "https://sounding.example.com/dashboards/4?site=CDBUGS&range=last_7_days&by=pathname",
    );
    const decoded = decode(reportLink(weekly, { page: "/reports/123" }));
    expect(decoded.ok && decoded.query).toEqual(weekly);
  });

  it("refuses a page that is not a path on this site", () => {
    for (const page of ["explore", "//evil.example/explore", "/\\evil.example", "https://evil.example/explore", "/explore?site=X", "/explore#top", ""]) {
      expect(() => reportLink(weekly, { page }), page).toThrow(RangeError);
    }
  });

  it("refuses an origin that is more than scheme and host", () => {
    for (const origin of ["sounding.example.com", "https://sounding.example.com/app", "javascript:alert(1)", "https://a.example?x=1"]) {
      expect(() => reportLink(weekly, { origin }), origin).toThrow(RangeError);
    }
    expect(reportLink(weekly, { origin: "http://localhost:3000" })).toMatch(/^http:\/\/localhost:3000\/explore\?site=CDBUGS&/);
  });
});

describe("links to /explore", () => {
  it("opens a daily chart two weeks either side of a milestone", () => {
    const href = milestoneChartHref("CDBUGS", "2024-03-01", "2024-06-01")!;
    expect(href).toBe("/explore?site=CDBUGS&range=2024-02-16..2024-03-15&group=day");
    const decoded = decode(href);
    expect(decoded.ok && decoded.query.range).toEqual({ preset: "custom", from: "2024-02-16", to: "2024-03-15" });
  });

  it("never reaches past today, and has no chart for a milestone still to come", () => {
    expect(milestoneChartHref("CDBUGS", "2024-05-25", "2024-06-01")).toBe("/explore?site=CDBUGS&range=2024-05-11..2024-06-01&group=day");
    expect(milestoneChartHref("CDBUGS", "2024-06-02", "2024-06-01")).toBeNull();
  });

  it("reports on an event by its name, with the event entity selected", () => {
    const href = eventReportHref("CDBUGS", "Signed up & paid");
    expect(href).toMatch(/^\/explore\?site=CDBUGS&entity=event&event=Signed%20up%20%26%20paid$/);
    const decoded = decode(href);
    expect(decoded.ok && { entity: decoded.query.entity, event: decoded.query.event }).toEqual({ entity: "event", event: "Signed up & paid" });
  });
});

describe("savedReportExploreHref", () => {
  it("opens a saved report in Explore: its id first, then the query the codec reads back", () => {
    const href = savedReportExploreHref(12, weekly);
    expect(href).toBe("/explore?report=12&site=CDBUGS&range=last_7_days&by=pathname");
    const url = new URL(href, "http://x");
    expect(url.searchParams.get("report")).toBe("12");
    const decoded = decode(href);
    expect(decoded.ok && decoded.query).toEqual(weekly);
  });

  it("leaves out the row order a stored query writes out when it is the default anyway", () => {
    const stored = { ...weekly, sort: { field: "visits", direction: "desc" } } as const;
    expect(savedReportExploreHref(12, stored)).toBe("/explore?report=12&site=CDBUGS&range=last_7_days&by=pathname");
    const chosen = { ...weekly, sort: { field: "pathname", direction: "asc" } } as const;
    expect(savedReportExploreHref(12, chosen)).toBe("/explore?report=12&site=CDBUGS&range=last_7_days&by=pathname&sort=pathname:asc");
  });

  it("refuses an id that is not a saved report's", () => {
    for (const id of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => savedReportExploreHref(id, weekly), String(id)).toThrow(RangeError);
    }
  });
});
