import { describe, expect, it } from "vitest";
import type { ReportRow } from "@/lib/query/report-result";
import { displayCell, nextSort, reportColumns, shareMetric, shareOfTotal, sortRows } from "./report-table-model";

const row = (pathname: string | null, visits: number, bounce = 0.5): ReportRow => ({
  fields: { pathname },
  values: { visits, bounce_rate: bounce },
});

const columns = reportColumns({ metrics: ["visits", "bounce_rate"], by: ["pathname"], grouping: null });
const totals = { visits: 200, bounce_rate: 0.4 };

describe("reportColumns", () => {
  it("lists date, fields, metrics, then the share of the first countable metric", () => {
    const all = reportColumns({ metrics: ["bounce_rate", "pageviews", "visits"], by: ["pathname", "browser"], grouping: "day" });
    expect(all.map((column) => column.label)).toEqual(["Date", "Page", "Browser", "Bounce rate", "Pageviews", "Visits", "% of pageviews"]);
  });

  it("has no share column when no metric adds up", () => {
    expect(shareMetric(["bounce_rate", "avg_duration"])).toBeNull();
    expect(reportColumns({ metrics: ["bounce_rate"], by: [], grouping: "day" }).map((column) => column.id)).toEqual(["date", "bounce_rate"]);
  });
});

describe("shareOfTotal", () => {
  it("divides by the period's total, not by the rows shown", () => {
    expect(shareOfTotal(row("/a", 50), "visits", totals)).toBe(0.25);
    expect(displayCell(row("/a", 50), columns.at(-1)!, { totals, grouping: null })).toBe("25.0%");
  });

  it("is unknown when the total is zero", () => {
    expect(shareOfTotal(row("/a", 0), "visits", { visits: 0 })).toBeNull();
    expect(displayCell(row("/a", 0), columns.at(-1)!, { totals: { visits: 0 }, grouping: null })).toBe("—");
  });
});

describe("sortRows", () => {
  const rows = [row("/b", 10, 0.9), row(null, 30, 0.1), row("/a", 20, 0.5), row("/c", 20, 0.2)];
  const byId = (id: string) => columns.find((column) => column.id === id)!;

  it("keeps the report's order without a sort", () => {
    expect(sortRows(rows, null, columns, totals)).toEqual(rows);
  });

  it("sorts numbers by value, ties in the report's order", () => {
    const sorted = sortRows(rows, { column: "visits", direction: "desc" }, columns, totals);
    expect(sorted.map((r) => r.fields.pathname)).toEqual([null, "/a", "/c", "/b"]);
    const ascending = sortRows(rows, { column: "visits", direction: "asc" }, columns, totals);
    expect(ascending.map((r) => r.fields.pathname)).toEqual(["/b", "/a", "/c", null]);
  });

  it("sorts text naturally with missing values last in both directions", () => {
    const asc = sortRows(rows, { column: "pathname", direction: "asc" }, columns, totals);
    expect(asc.map((r) => r.fields.pathname)).toEqual(["/a", "/b", "/c", null]);
    const desc = sortRows(rows, { column: "pathname", direction: "desc" }, columns, totals);
    expect(desc.map((r) => r.fields.pathname)).toEqual(["/c", "/b", "/a", null]);
    const natural = sortRows([row("/page10", 1), row("/page9", 1)], { column: "pathname", direction: "asc" }, columns, totals);
    expect(natural.map((r) => r.fields.pathname)).toEqual(["/page9", "/page10"]);
  });

  it("sorts the share column like its metric", () => {
    const sorted = sortRows(rows, { column: "share", direction: "desc" }, columns, totals);
    expect(sorted.map((r) => r.values.visits)).toEqual([30, 20, 20, 10]);
  });

  it("starts numbers biggest first and text A to Z, and flips on a second click", () => {
    expect(nextSort(null, byId("visits"))).toEqual({ column: "visits", direction: "desc" });
    expect(nextSort(null, byId("pathname"))).toEqual({ column: "pathname", direction: "asc" });
    expect(nextSort({ column: "visits", direction: "desc" }, byId("visits"))).toEqual({ column: "visits", direction: "asc" });
    expect(nextSort({ column: "visits", direction: "asc" }, byId("pathname"))).toEqual({ column: "pathname", direction: "asc" });
  });
});

describe("displayCell", () => {
  it("formats each metric its own way and names missing values", () => {
    const cols = reportColumns({ metrics: ["avg_duration", "bounce_rate", "value"], by: ["referrer_source"], grouping: "day" });
    const r: ReportRow = { date: "2024-05-15", fields: { referrer_source: null }, values: { avg_duration: 125, bounce_rate: 0.4234, value: 123456 } };
    const cells = cols.map((column) => displayCell(r, column, { totals: { value: 123456 * 4 }, grouping: "day", currency: "euro" }));
    expect(cells).toEqual(["Wed, May 15, 2024", "Direct / none", "2m 05s", "42.3%", "€1,234.56", "25.0%"]);
  });
});

describe("grouped values", () => {
  const cols = reportColumns({ metrics: ["visits"], by: ["utm_campaign", "referrer_hostname", "country_code"], grouping: null });
  const r = (campaign: string | null, referrer: string | null, country: string | null, visits = 1): ReportRow => ({
    fields: { utm_campaign: campaign, referrer_hostname: referrer, country_code: country },
    values: { visits },
  });
  const cells = (row: ReportRow) => cols.map((column) => displayCell(row, column, { totals: { visits: 10 }, grouping: null }));

  it("name an empty value, null or empty string, per field, and a country by name", () => {
    expect(cells(r("", "", "DE"))).toEqual(["(none)", "Direct / none", "Germany", "1", "10.0%"]);
    expect(cells(r(null, null, null)).slice(0, 3)).toEqual(["(none)", "Direct / none", "(none)"]);
    expect(cells(r("spring", "news.example", "XX")).slice(0, 3)).toEqual(["spring", "news.example", "XX"]);
  });

  it("sort as they read: countries by name, empty values last", () => {
    const rows = [r("b", null, "DE"), r("", null, "AT"), r("a", null, "FR"), r(null, null, "")];
    const byCountry = sortRows(rows, { column: "country_code", direction: "asc" }, cols, {});
    expect(byCountry.map((row) => row.fields.country_code)).toEqual(["AT", "FR", "DE", ""]);
    const byCampaign = sortRows(rows, { column: "utm_campaign", direction: "desc" }, cols, {});
    expect(byCampaign.map((row) => row.fields.utm_campaign)).toEqual(["b", "a", "", null]);
  });
});

