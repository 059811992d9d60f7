import "server-only";
import type { BudgetState } from "@/lib/governor/budget-state";
import { isNotCached } from "@/lib/governor/budget-errors";
import type { AggregationParams } from "@/lib/query/aggregation-params";
import type { ReportQuery } from "@/lib/query/report-query";
import { reportTimezone } from "@/lib/query/resolve-range";
import { planReport } from "@/lib/query/to-aggregation-params";
import type { FathomReportReads } from "@/lib/fathom/report-provider";
import type { ReportCost } from "./report-cost-answer";

export type CostReads = Pick<FathomReportReads, "aggregate" | "listAllSites">;

/** Whether a fresh kept answer holds this question (a stale one would be asked again). */
async function isKept(reads: CostReads, params: AggregationParams, timezone: string): Promise<boolean> {
  try {
    const answer = await reads.aggregate(params, { timezone, cachedOnly: true });
    return !answer.meta.stale;
  } catch (error) {
    if (isNotCached(error)) return false;
    throw error;
  }
}

/**
 * What running `query` now would cost: the Fathom questions its plan needs and how many of them fresh
 * kept answers already hold (read with `cachedOnly`, which never asks Fathom and spends nothing), beside
 * what is left of the report budget. The site list is the one read that may reach Fathom, as the run
 * itself would (it is kept for minutes). An unknown site costs what its run costs: nothing but a 404.
 */
export async function reportCost(query: ReportQuery, { reads, state, now = new Date() }: { reads: CostReads; state: BudgetState; now?: Date }): Promise<ReportCost> {
  const reports = state.classes.reports;
  const budget = {
    available: reports.available,
    capacity: reports.capacity,
    windowSeconds: reports.windowSeconds,
    nextTokenAt: reports.nextTokenAt,
    pausedUntil: reports.pausedUntil,
    queued: reports.queued.interactive,
  };
  const sites = await reads.listAllSites();
  const site = sites.data.find((candidate) => candidate.id === query.site);
  if (!site) return { questions: 0, cached: 0, budget };
  const timezone = reportTimezone(site.timezone);
  const plan = planReport(query, { timezone, now, earliest: /^\d{4}-\d{2}-\d{2}/.exec(site.created_at)?.[0] });
  const questions = [plan.main, plan.totals, plan.siteVisits, plan.comparison?.rows, plan.comparison?.totals, plan.comparison?.siteVisits].filter(
    (params): params is AggregationParams => Boolean(params),
  );
  const kept = await Promise.all(questions.map((params) => isKept(reads, params, timezone)));
  return { questions: questions.length, cached: kept.filter(Boolean).length, budget };
}
