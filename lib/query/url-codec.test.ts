import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultReportQuery, reportQuerySchema, type ReportQuery } from "./report-query";
import { anyText, validReportQuery } from "./report-query-arbitrary";
import { decodeReportQuery, encodeReportQuery, reportQuerySearchParams } from "./url-codec";

function decoded(input: Parameters<typeof decodeReportQuery>[0]): ReportQuery {
  const result = decodeReportQuery(input);
  if (!result.ok) throw new Error(`expected a query, got ${JSON.stringify(result.errors)}`);
  return result.query;
}

function errorsOf(input: Parameters<typeof decodeReportQuery>[0]) {
  const result = decodeReportQuery(input);
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.query)}`);
  return result.errors;
}

describe("encodeReportQuery", () => {
  it("writes only the site for the default report", () => {
    expect(encodeReportQuery(defaultReportQuery("CDBUGS"))).toBe("site=CDBUGS");
  });

  it("writes the example report of the issue, readable and in a fixed order", () => {
    const query: ReportQuery = {
      ...defaultReportQuery("CDBUGS"),
      range: { preset: "last_7_days" },
      metrics: ["visits", "pageviews"],
      by: ["pathname"],
      grouping: "day",
      filters: [{ property: "pathname", operator: "is", value: "/blog" }],
      sort: { field: "visits", direction: "desc" },
      limit: 50,
      compare: "previous_period",
    };
    expect(encodeReportQuery(query)).toBe(
      "site=CDBUGS&range=last_7_days&metrics=visits,pageviews&by=pathname&group=day&filter=pathname~is~/blog&sort=visits:desc&limit=50&compare=previous_period",
    );
  });

  it("writes custom dates, events, operators with spaces and escapes what must be escaped", () => {
    const query: ReportQuery = {
      ...defaultReportQuery("CDBUGS"),
      entity: "event",
      event: "Purchase & upgrade+",
      metrics: ["conversions", "value"],
      range: { preset: "custom", from: "2024-01-01", to: "2024-01-31" },
      filters: [{ property: "utm_campaign", operator: "is not like", value: "50% off" }],
      chart: "bar",
    };
    expect(encodeReportQuery(query)).toBe(
      "site=CDBUGS&entity=event&event=Purchase%20%26%20upgrade%2B&range=2024-01-01..2024-01-31&metrics=conversions,value&filter=utm_campaign~is_not_like~50%25%20off&chart=bar",
    );
  });

  it("leaves out the event's default metrics", () => {
    const query: ReportQuery = { ...defaultReportQuery("CDBUGS"), entity: "event", event: "Signup", metrics: ["conversions", "unique_conversions", "value"] };
    expect(encodeReportQuery(query)).toBe("site=CDBUGS&entity=event&event=Signup");
  });
});

describe("decodeReportQuery", () => {
  it("reads the example URL of the brief", () => {
    const query = decoded(
      "?site=CDBUGS&range=last_30_days&metrics=visits,pageviews&by=pathname&group=day&filter=pathname~is~/blog&sort=visits:desc&limit=50&compare=previous_period",
    );
    expect(query).toEqual({
      version: 1,
      site: "CDBUGS",
      entity: "pageview",
      metrics: ["visits", "pageviews"],
      range: { preset: "last_30_days" },
      grouping: "day",
      by: ["pathname"],
      filters: [{ property: "pathname", operator: "is", value: "/blog" }],
      sort: { field: "visits", direction: "desc" },
      limit: 50,
      compare: "previous_period",
      chart: "auto",
    });
  });

  it("fills in the defaults, by entity", () => {
    expect(decoded("site=CDBUGS")).toEqual(defaultReportQuery("CDBUGS"));
    expect(decoded("site=CDBUGS&entity=event&event=Signup").metrics).toEqual(["conversions", "unique_conversions", "value"]);
  });

  it("ignores unknown parameters", () => {
    expect(decoded("site=CDBUGS&utm_source=newsletter&foo=bar&_rsc=1")).toEqual(defaultReportQuery("CDBUGS"));
  });

  it("reads Next's searchParams object, repeated lists, a sort without direction and filter values holding ~", () => {
    const query = decoded({
      site: "CDBUGS",
      by: ["pathname", "browser"],
      filter: ["pathname~is_like~/a~b", "browser~is_not~Safari"],
      sort: "pageviews",
      other: undefined,
    });
    expect(query.by).toEqual(["pathname", "browser"]);
    expect(query.filters).toEqual([
      { property: "pathname", operator: "is like", value: "/a~b" },
      { property: "browser", operator: "is not", value: "Safari" },
    ]);
    expect(query.sort).toEqual({ field: "pageviews", direction: "desc" });
  });

  it("reads what URLSearchParams writes (plus signs for spaces, escaped commas)", () => {
    const query: ReportQuery = {
      ...defaultReportQuery("CDBUGS"),
      metrics: ["uniques", "visits"],
      filters: [{ property: "referrer_source", operator: "is", value: "Hacker News, again" }],
    };
    expect(decoded(reportQuerySearchParams(query).toString())).toEqual(query);
  });

  it.each([
    ["no site", "range=today", "site", "Pick a site"],
    ["an unknown metric", "site=X&metrics=visits,clicks", "metrics", "“clicks” isn't a metric — use visits, uniques, pageviews, avg_duration, bounce_rate"],
    ["no metric", "site=X&metrics=", "metrics", "Pick at least one metric"],
    ["a metric of the other entity", "site=X&metrics=bounce_rate&entity=event&event=Signup", "metrics", "Bounce rate is a pageview metric — pick an event metric"],
    ["an unknown field", "site=X&by=pathname,planet", "by", "“planet” can't be grouped by"],
    ["an unknown preset", "site=X&range=last_3_weeks", "range.preset", "Pick a date range from the list, or custom dates"],
    ["an impossible date", "site=X&range=2023-02-29..2023-03-10", "range.from", "Use a date like 2024-01-31"],
    ["reversed dates", "site=X&range=2024-03-10..2024-03-01", "range", "The start date is after the end date — swap them"],
    ["hourly over 30 days", "site=X&group=hour", "grouping", "Hourly needs a range of 7 days or less — pick Daily, or shorten the range"],
    ["an unknown grouping", "site=X&group=weekly", "grouping", "Pick a date grouping from the list"],
    ["a filter without parts", "site=X&filter=pathname", "filters.0", "Write a filter as property~operator~value, not “pathname”"],
    ["a filter on keyword", "site=X&filter=keyword~is~shoes", "filters.0.property", "Keyword can be grouped by but not filtered on — group by it instead"],
    ["a text operator on a category", "site=X&filter=country_code~is_like~US", "filters.0.operator", "Country can only be filtered with “is” or “is not”"],
    ["a broken regex", "site=X&filter=pathname~matching~(blog", "filters.0.value", "That pattern isn't a valid regular expression (Unterminated group) — check brackets and escapes"],
    ["an empty filter value", "site=X&filter=pathname~is~", "filters.0.value", "Type a value to filter on"],
    ["a sort on a field not shown", "site=X&sort=uniques:desc", "sort", "Sort by one of the chosen metrics or groupings"],
    ["a sort by date without a date grouping", "site=X&group=none&sort=timestamp:asc", "sort", "Sorting by date needs a date grouping — pick one, or sort by a metric"],
    ["a sort direction", "site=X&sort=visits:up", "sort.direction", "Sort ascending or descending"],
    ["a limit that is not a number", "site=X&limit=ten", "limit", "The row limit is a whole number"],
    ["a limit of zero", "site=X&limit=0", "limit", "Show at least one row"],
    ["a huge limit", "site=X&limit=99999", "limit", "Show at most 10,000 rows"],
    ["a comparison with all time", "site=X&range=all_time&compare=previous_period", "compare", "All time has no earlier period to compare with — pick a shorter range or turn comparison off"],
    ["an event report without an event", "site=X&entity=event", "event", "Pick an event to report on"],
    ["an unknown chart", "site=X&chart=pie", "chart", "Pick a chart: automatic, line, area, bars or table"],
  ])("rejects %s with a message on the control", (_name, search, path, message) => {
    expect(errorsOf(search)[path]).toContain(message);
  });

  it("reports every problem at once", () => {
    const errors = errorsOf("site=X&group=hour&metrics=value&filter=browser~matching~(");
    expect(Object.keys(errors).sort()).toEqual(["filters.0.operator", "filters.0.value", "grouping", "metrics"]);
  });
});

describe("codec properties", () => {
  it("round-trips every valid query exactly", () => {
    fc.assert(
      fc.property(validReportQuery, (query) => {
        const search = encodeReportQuery(query);
        const result = decodeReportQuery(search);
        expect(result).toEqual({ ok: true, query });
        if (result.ok) expect(encodeReportQuery(result.query)).toBe(search);
      }),
      { numRuns: 500 },
    );
  });

  it("round-trips through URLSearchParams and a full URL too", () => {
    fc.assert(
      fc.property(validReportQuery, (query) => {
        expect(decoded(reportQuerySearchParams(query))).toEqual(query);
        const url = new URL(`https://sounding.example/explore?${encodeReportQuery(query)}`);
        expect(decoded(url.searchParams)).toEqual(query);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on random search strings, and whatever it accepts is valid and stable", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        const result = decodeReportQuery(text);
        if (result.ok) {
          expect(reportQuerySchema.safeParse(result.query).success).toBe(true);
          expect(decoded(encodeReportQuery(result.query))).toEqual(result.query);
        } else {
          expect(Object.keys(result.errors).length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1000 },
    );
  });

  const keys = ["site", "entity", "event", "range", "metrics", "by", "group", "filter", "sort", "limit", "compare", "chart", "other"];
  const values = fc.oneof(
    anyText(30),
    fc.constantFrom("", "..", "~~", "visits,,pageviews", "hour", "event", "2024-01-01..2024-01-02", "pathname~is~/", "timestamp:desc", "-1", "1e3"),
  );

  it("never throws on random parameter maps, and whatever it accepts is valid and stable", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), fc.oneof(values, fc.array(values, { maxLength: 3 }))), (params) => {
        const result = decodeReportQuery(params);
        if (result.ok) expect(decoded(encodeReportQuery(result.query))).toEqual(result.query);
      }),
      { numRuns: 1000 },
    );
  });

  it("never throws when one parameter of a valid URL is replaced by anything", () => {
    fc.assert(
      fc.property(validReportQuery, fc.constantFrom(...keys), values, (query, key, value) => {
        const params = reportQuerySearchParams(query);
        params.set(key, value);
        const result = decodeReportQuery(params);
        expect(typeof result.ok).toBe("boolean");
      }),
      { numRuns: 500 },
    );
  });

  it("the schema itself never throws on arbitrary input", () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(() => reportQuerySchema.safeParse(input)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});
