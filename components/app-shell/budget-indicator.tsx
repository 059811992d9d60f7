"use client";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { apiFetch } from "@/lib/api/client";
import { budgetStateSchema, type BudgetState, type ClassState } from "@/lib/governor/budget-state";

const POLL_MS = 15_000;

/** The one query for the admin budget state, polled every 15 s. */
export function budgetQuery() {
  return queryOptions({
    queryKey: ["admin-budget"] as const,
    queryFn: async ({ signal }) => budgetStateSchema.parse(await apiFetch("/api/admin/budget", { signal })),
    staleTime: POLL_MS,
  });
}

export type BudgetTone = "good" | "warn" | "bad";

/** Red when paused by Fathom or out of report requests, amber below half, green otherwise. */
export function reportsTone(reports: ClassState): BudgetTone {
  if (reports.pausedUntil !== null || reports.available === 0) return "bad";
  return reports.available * 2 < reports.capacity ? "warn" : "good";
}

/** Each tone's text on its tint over the header's surface: 4.5:1 in both themes (budget-contrast.test.ts). */
export const TONE_CLASSES: Record<BudgetTone, string> = {
  good: "border-good/40 text-good",
  warn: "border-warn/50 bg-warn/10 text-warn",
  bad: "border-bad/40 bg-bad/10 text-bad",
};

const percent = (ratio: number) => `${Math.round(ratio * 100)} %`;
const time = (iso: string | null) => (iso ? new Date(iso).toLocaleTimeString() : "—");

function ClassRows({ title, state }: { title: string; state: ClassState }) {
  const { queued, upstream } = state;
  return (
    <>
      <tr>
        <th colSpan={2} scope="colgroup" className="pt-2 text-left font-semibold">
          {title}
        </th>
      </tr>
      <Row label={`Left (per ${state.windowSeconds >= 3600 ? "hour" : "minute"})`} value={`${state.available} of ${state.capacity}`} />
      {state.pausedUntil ? <Row label="Paused by Fathom until" value={time(state.pausedUntil)} /> : null}
      <Row label="Next request back at" value={time(state.nextTokenAt)} />
      <Row label="Waiting (builder · share · polling)" value={`${queued.interactive} · ${queued.share} · ${queued.poll}`} />
      <Row label="Sent: last minute · today · this month" value={`${upstream.lastMinute} · ${upstream.today} · ${upstream.month}`} />
    </>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <tr>
      <td className="pr-4 text-muted">{label}</td>
      <td className="text-right tabular-nums">{value}</td>
    </tr>
  );
}

export function BudgetDetails({ state }: { state: BudgetState }) {
  const { cache, concurrency } = state;
  return (
    <table className="w-full text-xs">
      <caption className="mb-1 text-left text-sm font-semibold">Fathom API budget</caption>
      <tbody>
        <ClassRows title="Reports (aggregations, current visitors)" state={state.classes.reports} />
        <ClassRows title="Management (sites, events, milestones)" state={state.classes.management} />
        <tr>
          <th colSpan={2} scope="colgroup" className="pt-2 text-left font-semibold">
            Sharing
          </th>
        </tr>
        <Row label="In flight" value={`${concurrency.inFlight} of ${concurrency.max}`} />
        <Row label="Answered without a request" value={`${percent(cache.hitRatio)} of ${cache.requests}`} />
        <Row label="Cached · shared · stale · refused" value={`${cache.hits} · ${cache.shared} · ${cache.stale} · ${cache.rejected}`} />
      </tbody>
    </table>
  );
}

/**
 * For admins, in the header: report requests left this minute, coloured when low; details on click, in the
 * browser's own popover (the `popover` attribute: light dismiss, Escape and focus return, no script), so
 * every page's first load carries no popover library for it.
 */
export function BudgetIndicator() {
  const { data, isError } = useQuery({ ...budgetQuery(), refetchInterval: POLL_MS });
  const id = useId();
  if (!data) {
    return isError ? (
      <span className="text-xs text-muted" title="The budget state could not be loaded.">
        Budget ?
      </span>
    ) : null;
  }
  const reports = data.classes.reports;
  const tone = reportsTone(reports);
  return (
    <>
      <button
        type="button"
        popoverTarget={`${id}-details`}
        className={`rounded-md border px-2 py-0.5 text-xs font-medium tabular-nums ${TONE_CLASSES[tone]}`}
        aria-label={`Fathom report requests left this minute: ${reports.available} of ${reports.capacity}. Show the API budget.`}
        data-testid="budget-indicator"
        data-tone={tone}
      >
        Reports {reports.available}/{reports.capacity}
      </button>
      <div
        id={`${id}-details`}
        popover="auto"
        className="fixed inset-auto right-4 top-14 m-0 w-80 max-w-[calc(100vw-2rem)] rounded-lg border border-line bg-surface p-3 text-ink shadow-lg"
      >
        <BudgetDetails state={data} />
      </div>
    </>
  );
}
