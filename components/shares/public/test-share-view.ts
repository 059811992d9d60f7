/**
 * Share page fixtures for the component tests: a dashboard with every tile kind, and a "secret" the
 * server knows (a locked filter, a token, a team member's e-mail) smuggled in beside it, which the page
 * must never print.
 */
import { dayRange } from "@/components/report/test-report-results";
import type { ReportRange, ReportRow } from "@/lib/query/report-result";
import type { ShareBranding } from "@/lib/shares/share-page-state";
import type { ShareReportResult, ShareTile, ShareView } from "@/lib/shares/share-view";

export const SLUG = "AbCdEfGhIjKlMnOpQrStUvWxYz012345";
export const SECRETS = ["secret-client.example", "fathom_token_SHOULD_NOT_LEAK", "owner@agency.example", "CDBUGS"];

const november = dayRange("2026-11-01", 30, "Europe/Berlin");
const october = dayRange("2026-10-02", 30, "Europe/Berlin");

function daily(range: ReportRange, base: number): ReportRow[] {
  return range.buckets.map((date, index) => ({ date, fields: {}, values: { visits: index === 11 ? 1234 : base + index, bounce_rate: 0.5 } }));
}

export function dailyShareResult(overrides: Partial<ShareReportResult> = {}): ShareReportResult {
  return {
    entity: "pageview",
    metrics: ["visits", "bounce_rate"],
    by: [],
    chart: "line",
    compare: "previous_period",
    range: november,
    rows: daily(november, 100),
    totals: { visits: 4321, bounce_rate: 0.42 },
    comparison: { range: october, rows: daily(october, 80), totals: { visits: 4000, bounce_rate: 0.5 } },
    currency: null,
    milestones: [{ id: "m1", name: "Spring launch", date: "2026-11-06" }],
    ...overrides,
  };
}

/** Pageviews by page, `count` rows, no dates. */
export function pagesShareResult(count: number): ShareReportResult {
  return {
    entity: "pageview",
    metrics: ["pageviews"],
    by: ["pathname"],
    chart: "auto",
    compare: "none",
    range: { ...november, grouping: null, buckets: [] },
    rows: Array.from({ length: count }, (_, index) => ({ fields: { pathname: `/page-${index + 1}` }, values: { pageviews: 1000 - index } })),
    totals: { pageviews: 50_000 },
    currency: null,
    milestones: [],
  };
}

const report = (id: string, title: string, view: "cards" | "chart" | "table" | "all", result: ShareReportResult | null, problem: string | null = null): ShareTile => ({
  kind: "report",
  id,
  size: "medium",
  view,
  title,
  result,
  problem,
});

export function shareView(overrides: Partial<ShareView> = {}): ShareView {
  const view: ShareView = {
    title: "Monthly traffic",
    clientName: "Acme Widgets",
    lockedLabel: "acme.com only",
    intro: "Hello **Acme**, here are your figures.",
    accent: "#0f766e",
    madeWith: true,
    hasLogo: true,
    window: { presets: ["last_30_days", "last_month"], current: "last_month", startDate: "2026-11-01", endDate: "2026-11-30", cut: null },
    tiles: [
      report("cards1", "Totals", "cards", dailyShareResult()),
      report("chart1", "Visits by day", "chart", dailyShareResult()),
      report("table1", "Top pages", "table", pagesShareResult(60)),
      report("all001", "Pages at a glance", "all", pagesShareResult(5)),
      { kind: "text", id: "text01", size: "full", markdown: "# A note\n\nCampaign started on the 6th." },
      report("gone01", "Deleted report", "all", null, "This report is no longer available."),
    ],
    fetchedAt: "2026-12-01T09:30:00.000Z",
    stale: false,
    ...overrides,
  };
  // What the server holds beside the view; a page built from the view alone cannot print it.
  return Object.assign(view, {
    query: { site: "CDBUGS", filters: [{ property: "hostname", operator: "is", value: "secret-client.example" }] },
    token: "fathom_token_SHOULD_NOT_LEAK",
    createdBy: { email: "owner@agency.example" },
  });
}

export const BRANDING: ShareBranding = { clientName: "Acme Widgets", accent: "#0f766e", hasLogo: true, madeWith: true };
