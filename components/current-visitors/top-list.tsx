import { useId } from "react";
import type { CurrentVisitorsRow } from "@/lib/current-visitors/answer";

const SHOWN = 10;

/** "example.com/pricing"; a referrer without a host is a direct visit. */
export function rowLabel(row: CurrentVisitorsRow, kind: "page" | "referrer"): string {
  const host = row.hostname ?? "";
  const path = row.pathname ?? "";
  if (!host && !path) return kind === "referrer" ? "Direct / none" : "(unknown page)";
  if (!host) return path;
  return `${host.replace(/^https?:\/\//, "")}${path === "/" && kind === "referrer" ? "" : path}`;
}

/** The top rows with their counts drawn as bars (widths relative to the first row). */
export function TopList({ title, rows, kind }: { title: string; rows: readonly CurrentVisitorsRow[]; kind: "page" | "referrer" }) {
  const id = useId();
  const shown = rows.slice(0, SHOWN);
  const max = Math.max(1, ...shown.map((row) => row.total));
  return (
    <section aria-labelledby={id} className="min-w-0">
      <div className="mb-2 flex items-baseline justify-between gap-2 text-xs font-medium text-muted">
        <h3 id={id} className="text-sm text-ink">
          {title}
        </h3>
        <span aria-hidden="true">Visitors</span>
      </div>
      {shown.length === 0 ? (
        <p className="text-sm text-muted">{kind === "page" ? "No pages being viewed right now." : "No referrers right now."}</p>
      ) : (
        <ol className="flex flex-col gap-1">
          {shown.map((row, index) => {
            const label = rowLabel(row, kind);
            return (
              <li key={`${label}-${index}`} className="relative flex items-center justify-between gap-3 rounded px-2 py-1 text-sm">
                <span
                  aria-hidden="true"
                  className="absolute inset-y-0 left-0 rounded bg-accent/15"
                  style={{ width: `${(row.total / max) * 100}%` }}
                />
                <span className="relative min-w-0 truncate" title={label}>
                  {label}
                </span>
                <span className="relative tabular-nums">
                  {row.total.toLocaleString()}
                  <span className="sr-only"> {row.total === 1 ? "visitor" : "visitors"}</span>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      {rows.length > SHOWN ? <p className="mt-1 text-xs text-muted">and {rows.length - SHOWN} more</p> : null}
    </section>
  );
}
