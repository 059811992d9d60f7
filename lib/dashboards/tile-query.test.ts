import { describe, expect, it } from "vitest";
import { canonicalReportQuery } from "@/lib/query/stored-query";
import { defaultReportQuery, type ReportFilter, type ReportQuery } from "@/lib/query/report-query";
import type { ReportTile } from "./dashboard";
import { mergeFilters, tileQuery, type BoardScope } from "./tile-query";

const tile = (overrides: Partial<ReportTile> = {}): ReportTile => ({
  id: "tile-one",
  kind: "report",
  size: "medium",
  reportId: 7,
  view: "all",
  pinRange: false,
  pinFilters: false,
  ...overrides,
});

const blog: ReportFilter = { property: "pathname", operator: "is like", value: "/blog*" };
const germany: ReportFilter = { property: "country_code", operator: "is", value: "DE" };
const saved = (query: Partial<ReportQuery> = {}) => ({
  id: 7,
  name: "Blog traffic",
  query: canonicalReportQuery({ ...defaultReportQuery("CDBUGS"), filters: [blog], ...query }),
});
const board = (scope: Partial<BoardScope> = {}): BoardScope => ({ range: { preset: "last_7_days" }, filters: [germany], ...scope });

function ok(result: ReturnType<typeof tileQuery>) {
  if (!result.ok) throw new Error(`expected a query, got: ${result.problem}`);
  return result;
}

describe("tileQuery", () => {
  it("takes the dashboard's range and adds its filters after the report's own", () => {
    const result = ok(tileQuery(tile(), saved(), board()));
    expect(result.query.range).toEqual({ preset: "last_7_days" });
    expect(result.query.filters).toEqual([blog, germany]);
    expect(result.followsRange).toBe(true);
    expect(result.followsFilters).toBe(true);
    expect(result.query.site).toBe("CDBUGS");
  });

  it("keeps the report's own range when the tile pins it, or when the board has none", () => {
    expect(ok(tileQuery(tile({ pinRange: true }), saved(), board())).query.range).toEqual({ preset: "last_30_days" });
    const own = ok(tileQuery(tile(), saved(), board({ range: null })));
    expect(own.query.range).toEqual({ preset: "last_30_days" });
    expect(own.followsRange).toBe(false);
  });

  it("keeps only the report's filters when the tile pins them", () => {
    const result = ok(tileQuery(tile({ pinFilters: true }), saved(), board()));
    expect(result.query.filters).toEqual([blog]);
    expect(result.followsFilters).toBe(false);
  });

  it("adds a filter the report already has once", () => {
    expect(ok(tileQuery(tile(), saved(), board({ filters: [blog, germany, germany] }))).query.filters).toEqual([blog, germany]);
  });

  it("falls back to automatic grouping when the board's range is too long for hourly", () => {
    const hourly = saved({ range: { preset: "today" }, grouping: "hour" });
    const long = ok(tileQuery(tile(), hourly, board({ range: { preset: "last_30_days" } })));
    expect(long.query.grouping).toBe("auto");
    expect(long.notes[0]).toMatch(/hourly needs 7 days or less/);
    const short = ok(tileQuery(tile(), hourly, board({ range: { preset: "last_7_days" } })));
    expect(short.query.grouping).toBe("hour");
    expect(short.notes).toEqual([]);
  });

  it("drops a comparison the board's all-time range cannot have", () => {
    const compared = saved({ compare: "previous_period" });
    const result = ok(tileQuery(tile(), compared, board({ range: { preset: "all_time" } })));
    expect(result.query.compare).toBe("none");
    expect(result.notes).toHaveLength(1);
    expect(ok(tileQuery(tile(), compared, board())).query.compare).toBe("previous_period");
  });

  it("says so when the saved report was deleted", () => {
    const result = tileQuery(tile(), undefined, board());
    expect(result).toMatchObject({ ok: false, kind: "deleted" });
    expect(!result.ok && result.problem).toMatch(/was deleted/);
  });

  it("turns a report that no longer validates into a message, not a throw", () => {
    for (const query of [null, "text", { version: 99, site: "CDBUGS" }, { ...canonicalReportQuery(defaultReportQuery("CDBUGS")), metrics: ["revenue"] }]) {
      const result = tileQuery(tile(), { id: 7, name: "Old one", query }, board());
      expect(result.ok, JSON.stringify(query)).toBe(false);
      expect(!result.ok && result.kind).toBe("invalid");
      expect(!result.ok && result.problem).toMatch(/^The saved report “Old one” no longer works: .+\. Open it in Explore to fix it\.$/);
    }
  });

  it("refuses more filters than one report can hold, naming the way out", () => {
    const many = Array.from({ length: 15 }, (_, index): ReportFilter => ({ property: "pathname", operator: "is", value: `/p${index}` }));
    const more = Array.from({ length: 6 }, (_, index): ReportFilter => ({ property: "hostname", operator: "is", value: `h${index}` }));
    const result = tileQuery(tile(), saved({ filters: many }), board({ filters: more }));
    expect(result).toMatchObject({ ok: false, kind: "invalid" });
    expect(!result.ok && result.problem).toMatch(/15 filters and the dashboard adds 6: at most 20/);
    expect(tileQuery(tile({ pinFilters: true }), saved({ filters: many }), board({ filters: more })).ok).toBe(true);
  });
});

describe("mergeFilters", () => {
  it("keeps the order and drops exact repeats only", () => {
    const otherValue: ReportFilter = { ...germany, value: "FR" };
    expect(mergeFilters([germany], [otherValue, germany])).toEqual([germany, otherValue]);
  });
});
