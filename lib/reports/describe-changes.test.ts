import { describe, expect, it } from "vitest";
import { defaultReportQuery, type ReportQuery } from "@/lib/query/report-query";
import { canonicalReportQuery } from "@/lib/query/stored-query";
import { describeChangeList, describeChanges, type DescribedVersion } from "./describe-changes";

const base: ReportQuery = { ...defaultReportQuery("CDBUGS"), metrics: ["visits", "pageviews"] };

/** A version as the history holds it: the stored (canonical) query. */
function version(query: ReportQuery | unknown, extra: Partial<DescribedVersion> = {}): DescribedVersion {
  const stored = typeof query === "object" && query !== null && "site" in query ? canonicalReportQuery(query as ReportQuery) : query;
  return { name: "Blog traffic", description: "", query: stored, restoredFrom: null, ...extra };
}

/** Intl writes thin spaces around a range's dash; the words are what is tested. */
const changed = (after: Partial<ReportQuery>, before: Partial<ReportQuery> = {}) =>
  describeChangeList(version({ ...base, ...after }), version({ ...base, ...before })).map((text) => text.replace(/\s/g, " "));

describe("describeChanges", () => {
  it("says the first version was created", () => {
    expect(describeChanges(version(base), undefined)).toBe("created");
  });

  it("writes the issue's example in the vocabulary's words", () => {
    const before = version(base);
    const after = version(
      { ...base, metrics: ["visits"], range: { preset: "last_90_days" }, filters: [{ property: "pathname", operator: "is like", value: "/blog*" }] },
      { name: "Blog", description: "Weekly" },
    );
    expect(describeChanges(after, before)).toBe(
      'metrics: Visits, Pageviews → Visits; range: last 30 days → last 90 days; filter added: Page contains "/blog*"; renamed: "Blog traffic" → "Blog"; description added',
    );
  });

  it("names every field of the query that changed", () => {
    expect(changed({ site: "ZXCVBN" })).toEqual(["site: CDBUGS → ZXCVBN"]);
    expect(describeChangeList(version({ ...base, site: "ZXCVBN" }), version(base), { siteName: (id) => ({ CDBUGS: "Acme blog", ZXCVBN: "Shop" })[id] })).toEqual([
      "site: Acme blog → Shop",
    ]);
    expect(changed({ entity: "event", event: "Signed up", metrics: ["conversions"], sort: undefined })).toEqual([
      "report on: Pageviews → Events",
      'event: "Signed up"',
      "metrics: Visits, Pageviews → Completions",
    ]);
    expect(changed({ entity: "event", event: "Paid", metrics: ["conversions"] }, { entity: "event", event: "Signed up", metrics: ["conversions"] })).toEqual([
      'event: "Signed up" → "Paid"',
    ]);
    expect(changed({ range: { preset: "custom", from: "2024-01-01", to: "2024-01-31" } })).toEqual(["range: last 30 days → Jan 1 – 31, 2024"]);
    expect(changed({ range: { preset: "custom", from: "2024-02-01", to: "2024-02-29" } }, { range: { preset: "custom", from: "2024-01-01", to: "2024-01-31" } })).toEqual([
      "range: Jan 1 – 31, 2024 → Feb 1 – 29, 2024",
    ]);
    expect(changed({ grouping: "day" })).toEqual(["date grouping: automatic → daily"]);
    expect(changed({ grouping: "none" })).toEqual(["date grouping: automatic → no date grouping", "sort: Date, oldest first → none"]);
    expect(changed({ by: ["pathname", "country_code"], grouping: "none" }, { by: ["pathname"], grouping: "none" })).toEqual(["grouped by: Page → Page, Country"]);
    expect(changed({ sort: { field: "pageviews", direction: "asc" } })).toEqual(["sort: Date, oldest first → Pageviews, lowest first"]);
    expect(changed({ limit: 50 })).toEqual(["row limit: none → 50"]);
    expect(changed({ limit: 100 }, { limit: 50 })).toEqual(["row limit: 50 → 100"]);
    expect(changed({ compare: "previous_year" })).toEqual(["comparison: no comparison → previous year"]);
    expect(changed({ chart: "bar" })).toEqual(["chart: automatic → bars"]);
  });

  it("lists filters added and removed, and a change of value as both", () => {
    const blog = { property: "pathname", operator: "is like", value: "/blog" } as const;
    const germany = { property: "country_code", operator: "is", value: "DE" } as const;
    expect(changed({ filters: [germany] }, { filters: [blog, germany] })).toEqual(['filter removed: Page contains "/blog"']);
    expect(changed({ filters: [{ ...germany, value: "FR" }] }, { filters: [germany] })).toEqual([
      'filter added: Country is "FR"',
      'filter removed: Country is "DE"',
    ]);
    expect(changed({ filters: [germany, blog] }, { filters: [blog, germany] })).toEqual(["filters reordered"]);
    expect(changed({ filters: [germany, germany] }, { filters: [germany] })).toEqual(['filter added: Country is "DE"']);
  });

  it("says a description changed or was removed, without quoting it", () => {
    expect(describeChanges(version(base, { description: "New words" }), version(base, { description: "Old words" }))).toBe("description changed");
    expect(describeChanges(version(base), version(base, { description: "Old words" }))).toBe("description removed");
  });

  it("starts a restore with the version it restored, then what it changed", () => {
    expect(describeChanges(version({ ...base, limit: 10 }, { restoredFrom: 2 }), version(base))).toBe("restored version 2; row limit: none → 10");
    expect(describeChanges(version(base, { restoredFrom: 1 }), version(base))).toBe("restored version 1");
  });

  it("reads a version whose query no longer validates as such, and never throws", () => {
    const future = { ...canonicalReportQuery(base), version: 99 };
    const goneMetric = { ...canonicalReportQuery(base), metrics: ["time_on_page"] };
    expect(describeChanges(version(future), version(base))).toBe("query could not be read");
    expect(describeChanges(version(goneMetric, { name: "Old" }), version(base))).toBe('query could not be read; renamed: "Blog traffic" → "Old"');
    expect(describeChanges(version("not a query"), version(base))).toBe("query could not be read");
    expect(describeChanges(version(base), version(goneMetric))).toBe("query repaired (the previous version's could not be read)");
  });

  it("reads an old query through the upgrade, so an equivalent one is no change", () => {
    // Without the written-out defaults (sort, limit, event as null), as a URL would give it.
    const { sort: _sort, limit: _limit, event: _event, ...bare } = canonicalReportQuery(base);
    expect(describeChanges(version(base), version(bare))).toBe("no changes");
  });
});
