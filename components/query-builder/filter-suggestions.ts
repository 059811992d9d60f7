/**
 * Values a filter row can suggest, from report answers the browser already holds: the values of a field
 * the answers were grouped by, and the values earlier reports filtered on. Nothing is fetched for them;
 * with nothing in the cache the value is simply typed.
 */
import { QueryClientContext, type QueryClient } from "@tanstack/react-query";
import { useCallback, useContext, useMemo, useRef, useSyncExternalStore } from "react";
import { reportRunKeys } from "@/components/report/report-run-query";
import { isPatternOperator, metricInfo, type Aggregate, type FilterProperty } from "@/lib/query/fathom-fields";
import type { ReportResult } from "@/lib/query/report-result";

/** A datalist longer than this is a list nobody scrolls; typing narrows it anyway. */
export const MAX_SUGGESTIONS = 50;

/** What ranks a report's rows: its first count (visits, pageviews, completions), not a rate or a duration. */
function rankingMetric(metrics: readonly Aggregate[]): Aggregate | undefined {
  return metrics.find((metric) => metricInfo(metric).format === "count") ?? metrics[0];
}

type Score = { weight: number; seen: number };

/**
 * The suggestions for a filter on `property`, largest first (by each answer's ranking metric, the largest
 * it had in any answer), then the most often seen. A value only ever typed into a filter has no figure and
 * comes after those measured. A pattern typed before is offered only to a pattern filter; grouped values,
 * being literal, are offered to every operator.
 */
export function filterSuggestions(answers: readonly ReportResult[], property: FilterProperty, { pattern }: { pattern: boolean }): string[] {
  const scores = new Map<string, Score>();
  const note = (value: string | null | undefined, weight: number) => {
    if (!value || !/\S/.test(value)) return;
    const score = scores.get(value);
    if (score) {
      score.weight = Math.max(score.weight, weight);
      score.seen += 1;
    } else scores.set(value, { weight, seen: 1 });
  };
  for (const answer of answers) {
    const field = answer.query.by.find((grouped) => grouped === property);
    if (field) {
      const metric = rankingMetric(answer.query.metrics);
      for (const row of answer.rows) note(row.fields[field], (metric && row.values[metric]) || 0);
    }
    for (const filter of answer.query.filters) {
      if (filter.property === property && (pattern || !isPatternOperator(filter.operator))) note(filter.value, Number.NEGATIVE_INFINITY);
    }
  }
  return [...scores].sort(byRank).slice(0, MAX_SUGGESTIONS).map(([value]) => value);
}

/** Largest figure first, then the most often seen, then in code-point order (values are unique). */
function byRank([a, x]: [string, Score], [b, y]: [string, Score]): number {
  // Compared, not subtracted: the unmeasured weigh -Infinity, and -Infinity minus itself is NaN.
  if (x.weight !== y.weight) return x.weight > y.weight ? -1 : 1;
  if (x.seen !== y.seen) return y.seen - x.seen;
  return a < b ? -1 : 1;
}

/** Report answers in the cache for one site (Explore's runs, a dashboard's tiles, a report's page). */
function cachedAnswers(client: QueryClient, site: string): ReportResult[] {
  return client
    .getQueriesData<ReportResult>({ queryKey: reportRunKeys.all })
    .flatMap(([, data]) => (data && data.query.site === site && Array.isArray(data.rows) ? [data] : []));
}

const NONE: readonly ReportResult[] = [];

/**
 * The cached answers for `site`, read again whenever a report answer arrives or leaves the cache. Without a
 * query client (a builder rendered on its own) there are none. The server's HTML and hydration have none
 * either, so the page hydrates as it was served, suggestions following a moment later.
 */
export function useCachedAnswers(site: string): readonly ReportResult[] {
  const client = useContext(QueryClientContext);
  const version = useRef(0);
  const subscribe = useCallback(
    (notify: () => void) => {
      if (!client) return () => {};
      return client.getQueryCache().subscribe((event) => {
        if (event.query.queryKey[0] !== reportRunKeys.all[0]) return;
        if (event.type !== "removed" && !(event.type === "updated" && event.action.type === "success")) return;
        version.current += 1;
        notify();
      });
    },
    [client],
  );
  // -1 while hydrating: the server's cache is not the browser's.
  const seen = useSyncExternalStore(subscribe, () => version.current, () => -1);
  return useMemo(() => (client && seen >= 0 ? cachedAnswers(client, site) : NONE), [client, site, seen]);
}
