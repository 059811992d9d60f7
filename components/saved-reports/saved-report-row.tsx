"use client";
import type { MouseEvent } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDeleteDialog } from "@/components/ui/confirm-dialog";
import { formatMetric } from "@/lib/format/format-metric";
import { aggregateSchema, metricLabel } from "@/lib/query/fathom-fields";
import type { SavedReportListItem } from "@/lib/reports/saved-report";
import { OwnershipTerms } from "./ownership-terms";

export type RowActions = {
  onRename: (report: SavedReportListItem, event: MouseEvent<HTMLElement>) => void;
  onDuplicate: (report: SavedReportListItem) => void;
  onDelete: (report: SavedReportListItem) => void;
};

type Props = {
  report: SavedReportListItem;
  /** The site's name; null when the Fathom account has no such site (any more) or the list is unavailable. */
  siteName: string | null;
  /** The server's clock when the page was rendered ("3 h ago"). */
  now: string;
  /** Editors' actions; none for viewers (the list is then read-only). */
  actions?: RowActions;
  busy?: boolean;
};

/**
 * The headline figure of a report's first metric, when an answer is cached; otherwise a dash that says
 * why, in words, to screen readers and in a tooltip (the dash alone would say nothing).
 */
function PreviewFigure({ preview }: { preview: SavedReportListItem["preview"] }) {
  const metric = preview ? aggregateSchema.safeParse(preview.metric) : null;
  if (!preview || !metric?.success || preview.value === null) {
    const why = !preview ? "No figure yet: it shows once the report has been run recently." : "No figure: the last answer had none for this metric.";
    return (
      <span title={why}>
        <span aria-hidden="true">—</span>
        <span className="sr-only">{why}</span>
      </span>
    );
  }
  return (
    <span>
      <span className="font-semibold tabular-nums">{formatMetric(metric.data, preview.value)}</span>{" "}
      <span className="text-muted">{metricLabel(metric.data).toLowerCase()}</span>
    </span>
  );
}

/** One saved report on the Reports page: its name (the link to its page), where it is from, and what editors can do with it. */
export function SavedReportRow({ report, siteName, now, actions, busy = false }: Props) {
  return (
    <li className="flex flex-col gap-2 rounded-lg border border-line bg-surface p-4 shadow-sm sm:flex-row sm:items-start sm:justify-between">
      <div className="flex min-w-0 flex-col gap-1">
        <h3 className="text-base font-semibold">
          <a href={`/reports/${report.id}`} className="underline-offset-2 hover:underline">
            {report.name}
          </a>
        </h3>
        {report.description ? <p className="line-clamp-2 text-sm text-muted">{report.description}</p> : null}
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
          <dt className="text-muted">Site</dt>
          <dd>{siteName ?? <span>{report.siteId} <span className="text-muted">(not on this Fathom account)</span></span>}</dd>
          <OwnershipTerms report={report} now={now} />
          <dt className="text-muted">Figure</dt>
          <dd>
            <PreviewFigure preview={report.preview} />
          </dd>
        </dl>
      </div>
      {actions ? (
        <div className="flex shrink-0 flex-wrap gap-1 sm:justify-end">
          <Button variant="ghost" aria-label={`Rename “${report.name}”`} disabled={busy} onClick={(event) => actions.onRename(report, event)}>
            Rename
          </Button>
          <Button variant="ghost" aria-label={`Duplicate “${report.name}”`} disabled={busy} onClick={() => actions.onDuplicate(report)}>
            Duplicate
          </Button>
          <ConfirmDeleteDialog
            triggerText="Delete"
            triggerLabel={`Delete “${report.name}”`}
            title={`Delete “${report.name}”?`}
            confirmText="Delete report"
            disabled={busy}
            onConfirm={() => actions.onDelete(report)}
          >
            <p>The report and its history leave the Reports page for everyone, and its page stops opening.</p>
            <p>You can undo this from the notice that follows.</p>
          </ConfirmDeleteDialog>
        </div>
      ) : null}
    </li>
  );
}
