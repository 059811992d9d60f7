import { describe, expect, it } from "vitest";
import type { ReportRow } from "@/lib/query/report-result";
import { defaultReportQuery, type ReportQuery } from "@/lib/query/report-query";
import { csvField, csvFileName, reportCsv } from "./csv";
import { reportColumns, sortRows } from "./report-table-model";

describe("reportCsv", () => {
  it("writes a header row with units and the rows as plain numbers, in the order shown", () => {
    const columns = reportColumns({ metrics: ["pageviews", "avg_duration", "bounce_rate"], by: ["pathname"], grouping: "day" });
    const rows: ReportRow[] = [
      { date: "2024-05-01", fields: { pathname: "/" }, values: { pageviews: 1234, avg_duration: 125.4, bounce_rate: 0.4234 } },
      { date: "2024-05-02", fields: { pathname: "/pricing, plans" }, values: { pageviews: 4321, avg_duration: 61, bounce_rate: 0.5 } },
    ];
    const totals = { pageviews: 10_000, avg_duration: 100, bounce_rate: 0.45 };
    const shown = sortRows(rows, { column: "pageviews", direction: "desc" }, columns, totals);
    expect(reportCsv(shown, columns, { totals, timezone: "Europe/Berlin" })).toBe(
      [
        "Date (Europe/Berlin),Page,Pageviews,Avg. time on site (seconds),Bounce rate (%),% of pageviews (%)",
        '2024-05-02,"/pricing, plans",4321,61,50,43.2',
        "2024-05-01,/,1234,125,42.3,12.3",
        "",
      ].join("\r\n"),
    );
  });

  it("writes money in units of the event's currency, named in the header", () => {
    const columns = reportColumns({ metrics: ["conversions", "value"], by: [], grouping: null });
    const rows: ReportRow[] = [{ fields: {}, values: { conversions: 3, value: 123456 } }];
    expect(reportCsv(rows, columns, { totals: { conversions: 3, value: 123456 }, currency: "euro" })).toBe(
      "Completions,Value (EUR),% of completions (%)\r\n3,1234.56,100\r\n",
    );
    expect(reportCsv(rows, columns, { totals: {}, currency: null }).split("\r\n")[0]).toBe("Completions,Value,% of completions (%)");
  });

  it("leaves missing values empty", () => {
    const columns = reportColumns({ metrics: ["visits"], by: ["referrer_source"], grouping: null });
    const rows: ReportRow[] = [{ fields: { referrer_source: null }, values: {} }];
    expect(reportCsv(rows, columns, { totals: { visits: 0 } })).toBe("Referrer,Visits,% of visits (%)\r\n,,\r\n");
  });

  it("writes grouped values raw: no “(none)”, a country's code rather than its name", () => {
    const columns = reportColumns({ metrics: ["visits"], by: ["utm_campaign", "country_code"], grouping: null });
    const rows: ReportRow[] = [
      { fields: { utm_campaign: "", country_code: "DE" }, values: { visits: 3 } },
      { fields: { utm_campaign: null, country_code: null }, values: { visits: 1 } },
    ];
    expect(reportCsv(rows, columns, { totals: { visits: 4 } })).toBe("UTM campaign,Country,Visits,% of visits (%)\r\n,DE,3,75\r\n,,1,25\r\n");
  });
});

describe("csvField", () => {
  it("quotes commas, quotes and line breaks", () => {
    expect(csvField('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvField("plain")).toBe("plain");
    expect(csvField(-12.5)).toBe("-12.5");
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvField("=HYPERLINK(\"http://evil\")")).toBe("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("-x")).toBe("'-x");
    expect(csvField("@cmd")).toBe("'@cmd");
  });
});

describe("csvFileName", () => {
  const query: ReportQuery = { ...defaultReportQuery("CDBUGS"), metrics: ["visits", "pageviews"], by: ["pathname"] };

  it("names the site, the resolved dates, the metrics and the groupings", () => {
    const range = { startDate: "2024-04-16", endDate: "2024-05-15", grouping: "day" as const };
    expect(csvFileName(query, range)).toBe("sounding_CDBUGS_2024-04-16_to_2024-05-15_visits-pageviews_by-day-pathname.csv");
  });

  it("names an event, one day, and no grouping", () => {
    const event: ReportQuery = { ...query, entity: "event", event: "Sign up / Pro plan", metrics: ["conversions"], by: [] };
    expect(csvFileName(event, { startDate: "2024-05-15", endDate: "2024-05-15", grouping: null })).toBe(
      "sounding_CDBUGS_event-Sign-up-Pro-plan_2024-05-15_conversions.csv",
    );
  });

  it("falls back to the preset before the dates are known", () => {
    expect(csvFileName({ ...query, grouping: "month" })).toBe("sounding_CDBUGS_last-30-days_visits-pageviews_by-month-pathname.csv");
  });
});
