import "server-only";
import { isNotCached } from "@/lib/governor/budget-errors";
import { governedFathom } from "@/lib/governor/governed-fathom";
import { toProviderRow, type FathomReportReads } from "@/lib/fathom/report-provider";
import type { ReportQuery } from "@/lib/query/report-query";
import { reportTimezone } from "@/lib/query/resolve-range";
import { planReport } from "@/lib/query/to-aggregation-params";
import { summedTotals, totalsFrom } from "./report-rows";
import type { SavedReportListItem } from "./saved-report";

export type PreviewReads = Pick<FathomReportReads, "aggregate" | "listAllSites">;

/**
 * The headline figure of a saved report for the reports list: the total of its first metric over its
 * range, read from the governor's kept answers only (`cachedOnly`: exact, or folded from a wider answer,
 * possibly stale). Listing thirty reports must not spend thirty requests of a ten-a-minute budget, so a
 * report nobody ran lately shows no figure (null) until someone opens it. The site list is the one read
 * that may reach Fathom, once for the whole list, and the list page needs it for the site names anyway.
 */
export async function reportPreview(
  query: ReportQuery,
  { reads, now = new Date() }: { reads?: PreviewReads; now?: Date } = {},
): Promise<SavedReportListItem["preview"]> {
  const fathom = reads ?? (await governedFathom());
  const sites = await fathom.listAllSites();
  const site = sites.data.find((candidate) => candidate.id === query.site);
  if (!site) return null;
  const timezone = reportTimezone(site.timezone);
  const plan = planReport(query, { timezone, now, earliest: /^\d{4}-\d{2}-\d{2}/.exec(site.created_at)?.[0] });
  const params = plan.totals ?? plan.main;
  const metric = query.metrics[0]!;
  try {
    const answer = await fathom.aggregate(params, { timezone, cachedOnly: true });
    const rows = answer.data.map((row) => toProviderRow(row, params));
    // An additive report's total is the sum of its buckets (it asks for no ungrouped totals).
    const totals = plan.sumTotals ? summedTotals(rows, [metric]) : totalsFrom(rows, [metric]);
    return { metric, value: totals[metric] ?? null, fetchedAt: answer.meta.fetchedAt };
  } catch (error) {
    if (isNotCached(error)) return null;
    throw error;
  }
}
