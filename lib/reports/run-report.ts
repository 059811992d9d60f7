import "server-only";
import { ApiError } from "@/lib/api/errors";
import { logError } from "@/lib/api/log";
import type { Priority } from "@/lib/governor/budget-state";
import type { AggregationParams } from "@/lib/query/aggregation-params";
import type { ReportQuery } from "@/lib/query/report-query";
import type { ReportMeta, ReportMilestone, ReportRange, ReportResult, ReportRow } from "@/lib/query/report-result";
import { currentBucket, dateBuckets, reportTimezone, type ResolvedRange } from "@/lib/query/resolve-range";
import { planReport } from "@/lib/query/to-aggregation-params";
import type { ProviderAnswer, ProviderRow, ProviderSite, ReportProvider } from "./provider";
import { fillDateGaps, sortSeries, summedTotals, toReportRows, totalsFrom, type RowShape } from "./report-rows";

export type RunReportOptions = {
  /** Where the numbers come from (lib/fathom/report-provider.ts; tests pass fakes). */
  provider: ReportProvider;
  now: Date;
  /** Who is waiting: someone at the builder (default) or a share page. */
  priority?: Priority;
  /** Asked on its own, not as one of a dashboard's tiles: its queries need not wait to be folded with others. */
  solo?: boolean;
};

function reportRange(range: ResolvedRange, grouping: RowShape["grouping"]): ReportRange {
  return { ...range, grouping, buckets: grouping ? dateBuckets(range, grouping) : [] };
}

/**
 * Report rows of an answer. A series grouped by date only gets every bucket up to now, zeros in the
 * gaps (buckets still in the future stay on the axis, `range.buckets`, without a row).
 */
function rowsOf(
  answer: ProviderRow[],
  shape: RowShape,
  range: ReportRange,
  query: Pick<ReportQuery, "limit" | "sort">,
  now: Date,
): ReportRow[] {
  const rows = toReportRows(answer, shape);
  // With a limit the query asks for top buckets, not a timeline; with fields, series are filled by the page.
  if (!shape.grouping || shape.by.length > 0 || query.limit !== undefined) return rows;
  const current = currentBucket(now, range.timezone, shape.grouping);
  const buckets = range.buckets.filter((bucket) => bucket <= current);
  return sortSeries(fillDateGaps(rows, buckets, shape.metrics), query.sort);
}

/** When the oldest of these answers was produced by Fathom (ISO); undefined for none. */
function oldestFetch(answers: ProviderAnswer<unknown>[]): string | undefined {
  return answers.map((answer) => answer.meta.fetchedAt).sort()[0];
}

/**
 * "All time" starts on the site's creation date, or on Fathom's launch when that is unknown, often years
 * before the first visit: the buckets before the first one with data are left off the axis and the rows.
 */
function trimBeforeFirstData(result: ReportResult) {
  const dated = result.rows.filter((row) => row.date !== undefined && Object.values(row.values).some((value) => value !== 0));
  if (dated.length === 0 || !result.range.grouping) return;
  const first = dated.map((row) => row.date!).sort()[0]!;
  result.range.buckets = result.range.buckets.filter((bucket) => bucket >= first);
  result.rows = result.rows.filter((row) => row.date === undefined || row.date >= first);
}

function combinedMeta(
  figures: ProviderAnswer<unknown>[],
  comparison: ProviderAnswer<unknown>[],
  lists: ProviderAnswer<unknown>[],
): ReportMeta {
  const answers = [...figures, ...comparison];
  const comparisonFetchedAt = oldestFetch(comparison);
  return {
    fetchedAt: oldestFetch(figures) ?? new Date(0).toISOString(),
    ...(comparisonFetchedAt ? { comparisonFetchedAt } : {}),
    cached: answers.every((answer) => answer.meta.cached),
    stale: answers.some((answer) => answer.meta.stale),
    upstreamCalls: [...answers, ...lists].filter((answer) => !answer.meta.cached && !answer.meta.shared).length,
  };
}

async function milestonesIn(provider: ReportProvider, site: string, range: ResolvedRange, priority: Priority) {
  try {
    const answer = await provider.listMilestones(site, { priority });
    const milestones: ReportMilestone[] = answer.data
      .map(({ id, name, date }) => ({ id, name, date }))
      .filter((milestone) => milestone.date >= range.startDate && milestone.date <= range.endDate)
      .sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
    return { milestones, answer };
  } catch (error) {
    // Milestones decorate the timeline; a report without them beats no report.
    logError(`Milestones of ${site} could not be loaded for a report`, error);
    return { milestones: [] as ReportMilestone[], answer: null };
  }
}

/**
 * The event an event report is about, from the provider's (cached) list: a made-up (or deleted) event name
 * would still cost a request and answer zeros, so the list decides. Null for a pageview report; the list's
 * answer comes too, so the report's meta counts the request it may have cost.
 */
async function reportEvent(provider: ReportProvider, query: ReportQuery, site: Pick<ProviderSite, "id" | "name">, priority: Priority) {
  if (query.entity !== "event") return null;
  const events = await provider.listEvents(site.id, { priority });
  const event = events.data.find((candidate) => candidate.name === query.event);
  if (!event) {
    throw new ApiError(404, "event_not_found", `${site.name} has no event named "${query.event ?? ""}". Pick another event.`, {
      fields: { event: ["There is no such event on this site"] },
    });
  }
  return { event, answer: events };
}

/**
 * Runs a report: finds the site's timezone, resolves the dates, asks the provider for the main rows,
 * the ungrouped totals and (if asked) the comparison's series and totals, plus the milestones in range.
 */
export async function runReport(query: ReportQuery, { provider, now, priority = "interactive", solo }: RunReportOptions): Promise<ReportResult> {
  const sites = await provider.listSites({ priority });
  const site = sites.data.find((candidate) => candidate.id === query.site);
  if (!site) throw new ApiError(404, "site_not_found", `There is no site "${query.site}" on this Fathom account. Pick another site.`);
  const found = await reportEvent(provider, query, site, priority);
  const timezone = reportTimezone(site.timezone);
  const created = /^\d{4}-\d{2}-\d{2}/.exec(site.createdAt)?.[0];

  const plan = planReport(query, { timezone, now, earliest: created });
  const ask = (params: AggregationParams) => provider.aggregate(params, { priority, timezone, solo });
  // The site's visits decorate an event report (computed rates): a report without them beats no report.
  const askVisits = (params: AggregationParams | null | undefined) =>
    params
      ? ask(params).catch((error: unknown) => {
          logError(`Site visits for an event report on ${query.site} could not be had`, error);
          return null;
        })
      : null;
  const [main, totals, comparisonRows, comparisonTotals, milestones, siteVisits, comparisonVisits] = await Promise.all([
    ask(plan.main),
    plan.totals ? ask(plan.totals) : null,
    plan.comparison?.rows ? ask(plan.comparison.rows) : null,
    plan.comparison?.totals ? ask(plan.comparison.totals) : null,
    milestonesIn(provider, query.site, plan.range, priority),
    askVisits(plan.siteVisits),
    askVisits(plan.comparison?.siteVisits),
  ]);

  const shape: RowShape = { metrics: query.metrics, by: query.by, grouping: plan.grouping };
  const range = reportRange(plan.range, plan.grouping);
  const result: ReportResult = {
    query,
    range,
    rows: rowsOf(main.data, shape, range, query, now),
    totals: plan.sumTotals ? summedTotals(main.data, query.metrics) : totalsFrom((totals ?? main).data, query.metrics),
    currency: found?.event.currency ?? null,
    milestones: milestones.milestones,
    ...(siteVisits ? { siteVisits: totalsFrom(siteVisits.data, ["visits"]).visits ?? 0 } : {}),
    meta: combinedMeta(
      [main, totals, siteVisits].filter((answer) => answer !== null),
      [comparisonRows, comparisonTotals, comparisonVisits].filter((answer) => answer !== null),
      // Every list the report read counts when it cost a request, the event list included.
      [sites, found?.answer ?? null, milestones.answer].filter((answer) => answer !== null),
    ),
  };
  if (query.range.preset === "all_time") trimBeforeFirstData(result);
  if (plan.comparison && (comparisonTotals || comparisonRows)) {
    const previous = reportRange(plan.comparison.range, plan.grouping);
    // A series by date compares bucket by bucket; a breakdown by fields only, row by row.
    const seriesShape: RowShape = plan.grouping ? { ...shape, by: [] } : shape;
    result.comparison = {
      range: previous,
      rows: comparisonRows ? rowsOf(comparisonRows.data, seriesShape, previous, plan.grouping ? { limit: undefined, sort: undefined } : query, now) : [],
      totals: comparisonTotals ? totalsFrom(comparisonTotals.data, query.metrics) : summedTotals(comparisonRows!.data, query.metrics),
      ...(comparisonVisits ? { siteVisits: totalsFrom(comparisonVisits.data, ["visits"]).visits ?? 0 } : {}),
    };
  }
  return result;
}
