/**
 * Why a saved report cannot be shown as saved, if it cannot: its stored query no longer validates (a newer
 * report format, a metric that is gone), its site is no longer on the Fathom account, or its event was
 * deleted (or renamed) in Fathom. The report's page explains the one it finds and offers the fixes, instead
 * of running a report that can only fail. Pure: the page hands it what Fathom's cached lists say.
 */
import { upgradeReportQuery } from "@/lib/query/query-upgrade";
import type { ReportQuery } from "@/lib/query/report-query";
import type { SavedReport } from "@/lib/reports/saved-report";
import { salvageReportQuery, type Salvage } from "./salvage-query";

export type SiteChoice = { id: string; name: string; timezone: string | null };

export type ReportDiagnosis =
  | { ok: true; query: ReportQuery; site: SiteChoice | null }
  /** `salvage` is what Explore can open with; null when nothing can be kept (a newer format). */
  | { ok: false; kind: "unreadable"; messages: string[]; salvage: Salvage | null }
  | { ok: false; kind: "site-gone"; query: ReportQuery; sites: SiteChoice[] }
  | { ok: false; kind: "event-gone"; query: ReportQuery; event: string; site: SiteChoice };

/**
 * `sites` is null when the account's sites could not be listed, `events` (the report site's) when they
 * could not: a list that could not be read never makes a report "broken"; the report panel then says
 * what Fathom answers.
 */
export function diagnoseSavedReport(
  report: Pick<SavedReport, "query" | "siteId">,
  sites: readonly SiteChoice[] | null,
  events: ReadonlyArray<{ name: string }> | null,
): ReportDiagnosis {
  const read = upgradeReportQuery(report.query);
  if (!read.ok) {
    const fallback = sites?.some((site) => site.id === report.siteId) ? report.siteId : sites?.[0]?.id;
    return { ok: false, kind: "unreadable", messages: [...new Set(Object.values(read.errors).flat())], salvage: salvageReportQuery(report.query, fallback) };
  }
  const query = read.query;
  if (sites === null) return { ok: true, query, site: null };
  const site = sites.find((candidate) => candidate.id === query.site);
  if (!site) return { ok: false, kind: "site-gone", query, sites: [...sites] };
  if (query.entity === "event" && events !== null && !events.some((event) => event.name === query.event)) {
    return { ok: false, kind: "event-gone", query, event: query.event ?? "", site };
  }
  return { ok: true, query, site };
}
