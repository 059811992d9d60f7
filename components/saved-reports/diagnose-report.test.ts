import { describe, expect, it } from "vitest";
import { defaultReportQuery, withEntity } from "@/lib/query/report-query";
import { canonicalReportQuery } from "@/lib/query/stored-query";
import { diagnoseSavedReport } from "./diagnose-report";

const SITES = [
  { id: "CDBUGS", name: "Acme blog", timezone: "Europe/Berlin" },
  { id: "ZXCVBN", name: "Shop", timezone: null },
];
const pageviews = canonicalReportQuery(defaultReportQuery("CDBUGS"));
const signups = canonicalReportQuery(withEntity(defaultReportQuery("CDBUGS"), "event", "Signed up"));

describe("diagnoseSavedReport", () => {
  it("passes a readable report on a site the account has, with the site (for its timezone)", () => {
    expect(diagnoseSavedReport({ query: pageviews, siteId: "CDBUGS" }, SITES, null)).toMatchObject({ ok: true, site: SITES[0], query: { site: "CDBUGS" } });
    expect(diagnoseSavedReport({ query: signups, siteId: "CDBUGS" }, SITES, [{ name: "Signed up" }])).toMatchObject({ ok: true });
  });

  it("says an unreadable query is unreadable, with why and what can be kept", () => {
    const diagnosis = diagnoseSavedReport({ query: { ...pageviews, metrics: ["visits", "time_on_page"] }, siteId: "CDBUGS" }, SITES, null);
    expect(diagnosis).toMatchObject({ ok: false, kind: "unreadable", salvage: { query: { metrics: ["visits"] } } });
    expect(diagnosis.ok === false && diagnosis.kind === "unreadable" && diagnosis.messages.length).toBeGreaterThan(0);

    const newer = diagnoseSavedReport({ query: { ...pageviews, version: 7 }, siteId: "CDBUGS" }, SITES, null);
    expect(newer).toMatchObject({ ok: false, kind: "unreadable", salvage: null });
    expect(newer.ok === false && newer.kind === "unreadable" && newer.messages[0]).toMatch(/newer Sounding/);
  });

  it("finds a site that is gone and an event deleted in Fathom", () => {
    expect(diagnoseSavedReport({ query: { ...pageviews, site: "GONE00" }, siteId: "GONE00" }, SITES, null)).toMatchObject({ ok: false, kind: "site-gone", sites: SITES });
    expect(diagnoseSavedReport({ query: signups, siteId: "CDBUGS" }, SITES, [{ name: "Paid" }])).toMatchObject({
      ok: false,
      kind: "event-gone",
      event: "Signed up",
      site: { name: "Acme blog" },
    });
  });

  it("never calls a report broken because Fathom's lists could not be read", () => {
    expect(diagnoseSavedReport({ query: { ...pageviews, site: "GONE00" }, siteId: "GONE00" }, null, null)).toMatchObject({ ok: true, site: null });
    expect(diagnoseSavedReport({ query: signups, siteId: "CDBUGS" }, SITES, null)).toMatchObject({ ok: true });
  });
});
