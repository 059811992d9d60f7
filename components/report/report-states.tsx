"use client";
import { QueryClientContext } from "@tanstack/react-query";
import { useContext, useEffect, useRef, useState } from "react";
import { queueWait, reportCostKeys } from "@/components/query-builder/run-cost";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { ApiClientError } from "@/lib/api/client";
import { formatAgo, formatInstant } from "@/lib/format/format-date";
import { formatDuration } from "@/lib/format/format-duration";
import type { ReportQuery } from "@/lib/query/report-query";
import type { ReportMeta } from "@/lib/query/report-result";
import { encodeReportQuery } from "@/lib/query/url-codec";
import { reportCostSchema } from "@/lib/reports/report-cost-answer";
import { useCountdown } from "./use-countdown";

/** No figure in the answer: why, and what to try (a range still to come has nothing to lengthen). */
export function EmptyReport({ filtered, future = false }: { filtered: boolean; future?: boolean }) {
  if (future) {
    return (
      <Notice>
        <p className="font-medium">These dates haven&apos;t happened yet.</p>
        <p className="mt-1 text-muted">Pick a range that includes today or earlier days.</p>
      </Notice>
    );
  }
  return (
    <Notice>
      <p className="font-medium">No data for this range — try a longer one.</p>
      <p className="mt-1 text-muted">
        {filtered ? "Or loosen a filter: none of the visits in this range match them all." : "Fathom recorded nothing for this site in these dates."}
      </p>
    </Notice>
  );
}

/** The time, re-read every `everyMs`, for "updated 3 min ago". */
function useNow(everyMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** How long a run may take before the page says what it is waiting for. */
const QUIET_MS = 1_500;

/**
 * While a report is being fetched: once it takes longer than a moment, what it waits for and for how long
 * (the builder's cost answer, when it said the report must wait for the budget), instead of a bare skeleton.
 */
export function WaitingNote({ query }: { query: ReportQuery }) {
  const [started] = useState(() => Date.now());
  const now = useNow(1_000).getTime();
  // A panel drawn without a query client (a test, a static page) has no cost answer to read.
  const client = useContext(QueryClientContext);
  if (now - started < QUIET_MS) return null;
  const waited = Math.round((now - started) / 1000);
  const said = client
    ?.getQueriesData({ queryKey: reportCostKeys.of(encodeReportQuery(query)) })
    .map(([, data]) => reportCostSchema.safeParse(data))
    .find((parsed) => parsed.success)?.data;
  // What the builder was told before Run: whether the budget could take it, and when it could.
  const wait = said ? queueWait(said, started) : null;
  const left = wait === null ? null : Math.max(0, wait - waited);
  return (
    <p role="status" className="text-xs text-muted" data-waiting>
      {left === null
        ? `Waiting for Fathom to answer (${waited} s so far)…`
        : `Queued for Fathom's request budget (${waited} s so far)${left > 0 ? `: it should start in about ${left} s` : ": it should start any moment"}.`}
    </p>
  );
}

/** How fresh the figures are; a warning with a way to refresh when the governor served a last good answer. */
export function Freshness(props: { meta: ReportMeta; timezone: string; onRefresh: () => void; refreshing: boolean; now?: Date }) {
  const { meta, timezone, onRefresh, refreshing } = props;
  const clock = useNow(15_000);
  const now = props.now ?? clock;
  if (meta.stale) {
    return (
      <Notice tone="warn" className="flex flex-wrap items-center justify-between gap-2">
        <span>
          Updated <time dateTime={meta.fetchedAt}>{formatAgo(meta.fetchedAt, now)}</time>; Fathom is busy, so these figures may be behind.
        </span>
        <Button variant="secondary" onClick={onRefresh} disabled={refreshing}>
          {refreshing ? "Refreshing…" : "Refresh"}
        </Button>
      </Notice>
    );
  }
  const comparedAt = meta.comparisonFetchedAt;
  const sameTime = comparedAt === undefined || formatInstant(comparedAt, timezone) === formatInstant(meta.fetchedAt, timezone);
  return (
    <p className="text-xs text-muted" data-freshness>
      Figures as of <time dateTime={meta.fetchedAt}>{formatInstant(meta.fetchedAt, timezone)}</time> ({timezone})
      {sameTime ? null : (
        <>
          {" "}
          · comparison as of <time dateTime={comparedAt}>{formatInstant(comparedAt, timezone)}</time>
        </>
      )}
      {meta.cached ? " · from the cache" : ""}
    </p>
  );
}

/** What went wrong, in the API's words, and what to do next. */
function explain(error: unknown): { title: string; detail?: string; fields: string[]; retryAfter?: number } {
  if (error instanceof ApiClientError) {
    // Once each: several filters can share a reason (two unsafe patterns), and each is a list item's key.
    const fields = [...new Set(Object.values(error.fields).flat())];
    if (error.status === 429) {
      return { title: "Fathom's request budget is used up for the moment.", detail: error.message, fields, retryAfter: error.retryAfter ?? 60 };
    }
    if (error.status === 401) return { title: error.message, detail: "Your session ended: sign in again, then retry.", fields };
    return { title: error.message, fields, retryAfter: error.retryAfter };
  }
  return {
    title: "The report could not be shown.",
    detail: "Its answer could not be read. Try again; if it keeps happening, tell your admin.",
    fields: [],
  };
}

/** A refusal that only means "not yet": the budget (Sounding's or Fathom's) frees up by itself. */
function isWait(error: unknown): boolean {
  return error instanceof ApiClientError && error.status === 429;
}

/**
 * An error with Retry; after a 429 (or any answer with `retryAfter`) Retry waits out the countdown. A 429
 * is a queue, not a failure: the report runs again by itself when the countdown ends, unless told not to.
 */
export function ReportError({ error, onRetry, retrying }: { error: unknown; onRetry: () => void; retrying: boolean }) {
  const { title, detail, fields, retryAfter } = explain(error);
  const left = useCountdown(retryAfter, error);
  const waiting = left > 0;
  const [cancelled, setCancelled] = useState<unknown>(null);
  const queued = isWait(error) && cancelled !== error;
  // Which refusal the run was retried for: once per refusal (a new 429 starts a new countdown).
  const ranFor = useRef<unknown>(null);
  useEffect(() => {
    if (queued && !waiting && ranFor.current !== error) {
      ranFor.current = error;
      onRetry();
    }
  }, [queued, waiting, error, onRetry]);

  return (
    <div className="flex flex-col gap-2" data-queued={queued && waiting ? "" : undefined}>
      <Notice tone={queued ? "warn" : "error"}>
        <p className="font-medium">{title}</p>
        {detail && detail !== title ? <p className="mt-1">{detail}</p> : null}
        {fields.length > 0 ? (
          <ul className="mt-1 list-disc pl-5">
            {fields.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : null}
        {queued && waiting ? (
          <p className="mt-1 font-medium">
            Queued: this report runs by itself in <span className="tabular-nums">{formatDuration(left)}</span>.
          </p>
        ) : null}
      </Notice>
      <div className="flex items-center gap-3">
        {queued && waiting ? (
          <Button variant="secondary" onClick={() => setCancelled(error)}>
            Don&apos;t run it
          </Button>
        ) : (
          <Button variant="secondary" onClick={onRetry} disabled={waiting || retrying}>
            {retrying ? "Retrying…" : waiting ? `Retry in ${formatDuration(left)}` : "Retry"}
          </Button>
        )}
        <span role="status" className="sr-only">
          {retryAfter && !waiting && !queued ? "You can retry now." : ""}
        </span>
      </div>
    </div>
  );
}
