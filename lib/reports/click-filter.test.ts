import { describe, expect, it } from "vitest";
import { withFilter } from "@/lib/query/query-edits";
import { MAX_FILTERS, defaultReportQuery, reportQuerySchema, type ReportFilter } from "@/lib/query/report-query";
import { clickFilter, clickFilterName, valueParts } from "./click-filter";

const query = (filters: ReportFilter[] = []) => ({ ...defaultReportQuery("CDBUGS"), by: ["pathname" as const], filters });

describe("clickFilter", () => {
  it("filters on the raw value with is", () => {
    expect(clickFilter(query(), "pathname", "/pricing")).toEqual({ property: "pathname", operator: "is", value: "/pricing" });
    // A country filters on its code, however it is shown.
    expect(clickFilter(query(), "country_code", "DE")).toEqual({ property: "country_code", operator: "is", value: "DE" });
  });

  it("offers nothing for an empty value, which the query schema refuses", () => {
    for (const value of [null, undefined, "", "   "]) expect(clickFilter(query(), "referrer_hostname", value)).toBeNull();
  });

  it("offers nothing on a field Fathom cannot filter on", () => {
    expect(clickFilter(query(), "keyword", "analytics")).toBeNull();
  });

  it("offers nothing the query already filters on with is, but does for another value or operator", () => {
    const filtered = query([{ property: "pathname", operator: "is", value: "/pricing" }]);
    expect(clickFilter(filtered, "pathname", "/pricing")).toBeNull();
    expect(clickFilter(filtered, "pathname", "/blog")).not.toBeNull();
    expect(clickFilter(query([{ property: "pathname", operator: "is not", value: "/pricing" }]), "pathname", "/pricing")).not.toBeNull();
  });

  it("offers nothing when the query has all the filters it may", () => {
    const full = query(Array.from({ length: MAX_FILTERS }, (_, index) => ({ property: "pathname" as const, operator: "is not" as const, value: `/${index}` })));
    expect(clickFilter(full, "browser", "Chrome")).toBeNull();
  });

  it("names the control by the field and the value as read", () => {
    expect(clickFilterName("pathname", "/pricing")).toBe("Filter on Page is /pricing");
    expect(clickFilterName("country_code", "DE")).toBe("Filter on Country is Germany");
  });

  it("splits a row of two fields into a filter for each value", () => {
    const parts = valueParts(query(), ["pathname", "keyword"], { pathname: "/a", keyword: "k" });
    expect(parts.map((part) => [part.field, part.filter?.value ?? null])).toEqual([
      ["pathname", "/a"],
      ["keyword", null],
    ]);
  });
});

describe("withFilter", () => {
  it("adds the filter once, and the query stays valid", () => {
    const filter: ReportFilter = { property: "pathname", operator: "is", value: "/pricing" };
    const next = withFilter(query(), filter);
    expect(next.filters).toEqual([filter]);
    expect(withFilter(next, filter)).toBe(next);
    expect(reportQuerySchema.safeParse(next).success).toBe(true);
  });
});
