"use client";
import { useId, useState } from "react";
import { ApiClientError } from "@/lib/api/client";
import { panelStatus, type StatusInput } from "@/lib/current-visitors/status";
import { TopList } from "./top-list";
import { UpdatedAgo } from "./updated-ago";
import { useAnnouncement } from "./use-announcement";
import { useCurrentVisitors } from "./use-current-visitors";
import { useVisitorHistory } from "./use-visitor-history";
import { VisitorsSparkline } from "./visitors-sparkline";

export type CurrentVisitorsPanelProps = {
  siteId: string;
  /** Shown in the heading ("Current visitors on …"); the id when absent. */
  siteName?: string;
  /** Start with the top pages and referrers shown (the viewer can switch). Default true. */
  detailed?: boolean;
  className?: string;
};

/**
 * Who is on a site right now: the total in large type, a sparkline of the totals seen since the panel
 * opened, and (detailed) the top pages and referrers. Polls on the server's schedule, never while the
 * tab is hidden, and keeps the last figure on screen when a refresh fails.
 */
export function CurrentVisitorsPanel({ siteId, siteName, detailed: initiallyDetailed = true, className = "" }: CurrentVisitorsPanelProps) {
  const [detailed, setDetailed] = useState(initiallyDetailed);
  const { data, error, errorUpdatedAt, dataUpdatedAt, isPending } = useCurrentVisitors(siteId, detailed);
  const history = useVisitorHistory(data ? { total: data.total, fetchedAt: data.meta.fetchedAt } : undefined);
  const announcement = useAnnouncement(data?.total);
  const headingId = useId();

  const failure: StatusInput["failure"] =
    error && errorUpdatedAt >= dataUpdatedAt
      ? error instanceof ApiClientError
        ? { status: error.status, message: error.message, retryAfter: error.retryAfter }
        : { status: 0, message: "The answer could not be read.", retryAfter: undefined }
      : null;
  const status = panelStatus({ answer: data ? data.meta : null, failure });
  const details = data?.detailed && data.pages && data.referrers ? { pages: data.pages, referrers: data.referrers } : null;

  return (
    <section
      aria-labelledby={headingId}
      aria-busy={isPending || undefined}
      className={`flex flex-col gap-4 rounded-lg border border-line bg-surface p-4 shadow-sm ${className}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div className="min-w-0">
          <h2 id={headingId} className="text-base font-medium">
            Current visitors <span className="text-muted">on {siteName ?? siteId}</span>
          </h2>
          {data ? <UpdatedAgo fetchedAt={data.meta.fetchedAt} /> : null}
        </div>
        <label className="flex cursor-pointer items-center gap-2 text-sm text-muted">
          <input
            type="checkbox"
            className="h-4 w-4 accent-[rgb(var(--accent))]"
            checked={detailed}
            onChange={(event) => setDetailed(event.target.checked)}
          />
          Top pages and referrers
        </label>
      </div>

      {data ? (
        <div className="flex flex-col gap-4 sm:flex-row sm:items-end">
          <p className="flex shrink-0 items-baseline gap-2">
            <span className="text-5xl font-semibold tracking-tight tabular-nums sm:text-6xl">{data.total.toLocaleString()}</span>{" "}
            <span className="text-sm text-muted">{data.total === 1 ? "current visitor" : "current visitors"}</span>
          </p>
          <VisitorsSparkline history={history} />
        </div>
      ) : isPending ? (
        <p className="h-16 animate-pulse text-sm text-muted">Loading the current visitors…</p>
      ) : null}

      {status ? (
        status.tone === "error" ? (
          <p role="alert" className="rounded-md border border-bad/40 bg-bad/10 px-3 py-2 text-sm text-bad">
            {status.text}
          </p>
        ) : (
          <p role="status" className="text-xs text-muted">
            {status.text}
          </p>
        )
      ) : null}

      {detailed && data ? (
        details ? (
          <div className="grid gap-6 md:grid-cols-2">
            <TopList title="Top pages" rows={details.pages} kind="page" />
            <TopList title="Top referrers" rows={details.referrers} kind="referrer" />
          </div>
        ) : (
          <p className="text-sm text-muted">Loading the top pages and referrers…</p>
        )
      ) : null}

      <p className="sr-only" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
    </section>
  );
}
