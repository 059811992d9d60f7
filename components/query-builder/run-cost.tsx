"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { apiFetch } from "@/lib/api/client";
import { queryMessages, type ReportQuery } from "@/lib/query/report-query";
import { encodeReportQuery } from "@/lib/query/url-codec";
import { reportCostSchema, requestsOf, type ReportCost } from "@/lib/reports/report-cost-answer";

export const reportCostKeys = { all: ["report-cost"] as const, of: (search: string) => ["report-cost", search] as const };

/** `value`, once it has stopped changing for `ms` (typing in a filter asks once, not per key). */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
const secondsUntil = (iso: string | null, now: number) => (iso ? Math.max(1, Math.ceil((Date.parse(iso) - now) / 1000)) : null);

/** Seconds until a report of this cost can start, when the budget cannot take it now; null when it can. */
export function queueWait(cost: ReportCost, now = Date.now()): number | null {
  const requests = requestsOf(cost);
  if (requests === 0) return null;
  const { available, nextTokenAt, pausedUntil } = cost.budget;
  if (pausedUntil && Date.parse(pausedUntil) > now) return secondsUntil(pausedUntil, now);
  if (requests > available) return secondsUntil(nextTokenAt, now) ?? 0;
  return null;
}

/** The sentence beside Run: what the report costs now and what the budget leaves. */
export function costText(cost: ReportCost, now = Date.now()): { text: string; waits: boolean } {
  const requests = requestsOf(cost);
  const { available, capacity, windowSeconds, pausedUntil, queued } = cost.budget;
  const per = windowSeconds >= 3600 ? "this hour" : "this minute";
  if (requests === 0) return { text: "Costs no Fathom request: Sounding already has every answer.", waits: false };
  const cached = cost.cached > 0 ? ` (${cost.cached} more answered from the cache)` : "";
  const spend = `${plural(requests, "Fathom request")}${cached}`;
  const wait = queueWait(cost, now);
  if (wait !== null && pausedUntil && Date.parse(pausedUntil) > now) {
    return { text: `${spend}. Fathom asked Sounding to wait: it will be queued and run in about ${wait} s.`, waits: true };
  }
  if (wait !== null) {
    const ahead = queued > 0 ? `, behind ${plural(queued, "report")} already waiting` : "";
    return { text: `${spend}; ${available} of ${capacity} left ${per}. It will be queued${ahead}${wait ? ` and start in about ${wait} s` : ""}.`, waits: true };
  }
  return { text: `${spend}; ${available} of ${capacity} left ${per}.`, waits: false };
}

/**
 * Beside Run: what running the builder's report would cost in Fathom requests and what is left of the
 * budget (`GET /api/reports/cost`, which reads kept answers only and asks Fathom nothing). Shown for a
 * report that can run; refreshed when the report shown changes (a run fills the cache).
 */
export function RunCost({ query, shownKey }: { query: ReportQuery; shownKey: string }) {
  const search = useSettled(encodeReportQuery(query), 300);
  const valid = Object.keys(queryMessages(query)).length === 0;
  const cost = useQuery({
    queryKey: [...reportCostKeys.of(search), shownKey] as const,
    queryFn: async ({ signal }) => reportCostSchema.parse(await apiFetch(`/api/reports/cost?${search}`, { signal })),
    enabled: valid,
    staleTime: 5_000,
    refetchInterval: 15_000,
    placeholderData: keepPreviousData,
    retry: false,
  });
  if (!valid || !cost.data) return null;
  const { text, waits } = costText(cost.data);
  return (
    <p className={`text-xs ${waits ? "text-warn" : "text-muted"}`} data-run-cost={requestsOf(cost.data)} aria-live="polite">
      {text}
    </p>
  );
}
