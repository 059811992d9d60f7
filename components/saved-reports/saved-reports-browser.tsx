"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState, type MouseEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { SavedReportListItem } from "@/lib/reports/saved-report";
import { ListNotice, type ListOutcome } from "./list-notice";
import { ReportDetailsDialog, type ReportDetails } from "./report-details-dialog";
import { ReportListFilters, type FilterChoice } from "./report-list-filters";
import { applyListOptions, ownerKey } from "./report-list-options";
import { SavedReportRow, type RowActions } from "./saved-report-row";
import { deleteSavedReport, duplicateSavedReport, undeleteSavedReport, updateSavedReport } from "./saved-report-requests";
import { savedReportsQueryOptions } from "./saved-reports-query";
import { useListOptions } from "./use-list-options";

export type SavedReportsBrowserProps = {
  /** The list as the server read it (the first render, before any request). */
  initialReports: SavedReportListItem[];
  /** The account's sites by id, for names; null when Fathom could not be asked (ids are shown). */
  siteNames: Record<string, string> | null;
  /** Editors and admins rename, duplicate and delete; viewers read. */
  canEdit: boolean;
  /** The search string the page was rendered with (`?q=…&site=…`). */
  initialSearch: string;
  /** The server's clock at render, for "3 h ago". */
  now: string;
};

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : "Something went wrong.";
}

/**
 * Every saved report, searchable by name and filtered by site and owner, sorted as asked; the address
 * says all of it, so a filtered list can be linked. Editors rename (dialog), duplicate and delete (with a
 * confirmation, then Undo in the notice while it shows). Each change is kept in the list at once and the
 * list is read again, so others' changes show up too.
 */
export function SavedReportsBrowser({ initialReports, siteNames, canEdit, initialSearch, now }: SavedReportsBrowserProps) {
  const client = useQueryClient();
  const { data: reports } = useQuery({ ...savedReportsQueryOptions(), initialData: initialReports });
  const [options, setOptions] = useListOptions(initialSearch);
  const [query, setQuery] = useState(options.q);
  const [outcome, setOutcome] = useState<ListOutcome | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [renaming, setRenaming] = useState<{ report: SavedReportListItem; open: boolean } | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const focusNotice = useRef(false);

  // The address follows the search box a moment after typing stops (one history write, not one per key).
  useEffect(() => {
    if (query === options.q) return;
    const timer = setTimeout(() => setOptions({ ...options, q: query }), 300);
    return () => clearTimeout(timer);
  }, [query, options, setOptions]);
  useEffect(() => {
    if (outcome && focusNotice.current) {
      focusNotice.current = false;
      noticeRef.current?.focus();
    }
  }, [outcome]);

  const siteName = (siteId: string) => siteNames?.[siteId] ?? null;
  const shown = useMemo(() => applyListOptions(reports, { ...options, q: query }, (id) => siteNames?.[id] ?? id), [reports, options, query, siteNames]);
  const sites = useMemo(() => choices(reports, (report) => [report.siteId, siteNames?.[report.siteId] ?? report.siteId]), [reports, siteNames]);
  const owners = useMemo(() => choices(reports, (report) => [ownerKey(report.owner), report.owner.name]), [reports]);

  const patchList = (change: (list: SavedReportListItem[]) => SavedReportListItem[]) => {
    const { queryKey } = savedReportsQueryOptions();
    client.setQueryData(queryKey, (list) => change(list ?? reports));
    void client.invalidateQueries({ queryKey });
  };

  async function act(report: SavedReportListItem, work: () => Promise<ListOutcome>, { focus = false } = {}) {
    setBusy(report.id);
    try {
      const next = await work();
      focusNotice.current = focus;
      setOutcome(next);
    } catch (error) {
      focusNotice.current = true;
      setOutcome({ kind: "error", message: messageOf(error) });
    } finally {
      setBusy(null);
    }
  }

  const actions: RowActions = {
    onRename: (report, event: MouseEvent<HTMLElement>) => {
      opener.current = event.currentTarget;
      setRenaming({ report, open: true });
    },
    onDuplicate: (report) =>
      act(report, async () => {
        const copy = await duplicateSavedReport(report.id);
        patchList((list) => [{ ...copy, preview: report.preview }, ...list]);
        return { kind: "duplicated", name: copy.name, id: copy.id };
      }),
    onDelete: (report) =>
      act(
        report,
        async () => {
          await deleteSavedReport(report.id);
          patchList((list) => list.filter((item) => item.id !== report.id));
          return { kind: "deleted", report };
        },
        { focus: true },
      ),
  };

  async function undo(report: SavedReportListItem) {
    await act(
      report,
      async () => {
        const back = await undeleteSavedReport(report.id);
        patchList((list) => [{ ...back, preview: report.preview }, ...list.filter((item) => item.id !== report.id)]);
        return { kind: "restored", name: back.name, id: back.id };
      },
      { focus: true },
    );
  }

  async function rename(report: SavedReportListItem, details: ReportDetails) {
    const change = { name: details.name !== report.name ? details.name : undefined, description: details.description !== report.description ? details.description : undefined };
    if (change.name !== undefined || change.description !== undefined) {
      const next = await updateSavedReport(report.id, change);
      patchList((list) => list.map((item) => (item.id === report.id ? { ...next, preview: item.preview } : item)));
      setOutcome({ kind: "renamed", name: next.name, id: next.id });
    }
    setRenaming({ report, open: false });
  }

  const filtered = options.site !== null || options.owner !== null || query.trim() !== "";
  return (
    <div className="flex flex-col gap-4">
      {outcome ? <ListNotice ref={noticeRef} outcome={outcome} onUndo={undo} undoing={busy !== null} /> : null}
      {reports.length === 0 ? (
        <EmptyList canEdit={canEdit} />
      ) : (
        <>
          <ReportListFilters
            options={{ ...options, q: query }}
            onQueryChange={setQuery}
            onChange={(next) => {
              setQuery(next.q);
              setOptions(next);
            }}
            sites={withChosen(sites, options.site, siteNames)}
            owners={withChosen(owners, options.owner, null)}
          />
          <section aria-labelledby="saved-reports-title" className="flex flex-col gap-3">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="saved-reports-title" className="text-lg font-semibold">
                Saved reports
              </h2>
              <p role="status" className="text-sm text-muted">
                {filtered ? `${shown.length} of ${reports.length} reports match` : `${reports.length} ${reports.length === 1 ? "report" : "reports"}`}
              </p>
            </div>
            {shown.length === 0 ? (
              <Card className="text-sm">No saved report matches these filters. Try another name, or clear the filters.</Card>
            ) : (
              <ul className="flex flex-col gap-3">
                {shown.map((report) => (
                  <SavedReportRow key={report.id} report={report} siteName={siteName(report.siteId)} now={now} actions={canEdit ? actions : undefined} busy={busy === report.id} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      {renaming ? (
        <ReportDetailsDialog
          open={renaming.open}
          onOpenChange={(open) => setRenaming({ ...renaming, open })}
          title="Rename report"
          explanation="A new name or description is saved as a new version; the query stays as it is."
          submitLabel="Save"
          initial={{ name: renaming.report.name, description: renaming.report.description }}
          onSubmit={(details) => rename(renaming.report, details)}
          onCloseAutoFocus={(event) => {
            // The dialog has no trigger of its own: focus goes back to the row's Rename button.
            event.preventDefault();
            opener.current?.focus();
          }}
        />
      ) : null}
    </div>
  );
}

/** The choices plus the one a link chose when no report has it (any more), so the control shows what filters the list. */
function withChosen(list: FilterChoice[], chosen: string | null, names: Record<string, string> | null): FilterChoice[] {
  if (chosen === null || list.some((choice) => choice.value === chosen)) return list;
  return [...list, { value: chosen, label: names?.[chosen] ?? chosen }];
}

/** Distinct filter choices among the reports, by label. */
function choices(reports: readonly SavedReportListItem[], pick: (report: SavedReportListItem) => [string, string]): FilterChoice[] {
  const found = new Map<string, string>();
  for (const report of reports) {
    const [value, label] = pick(report);
    found.set(value, label);
  }
  return [...found].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
}

function EmptyList({ canEdit }: { canEdit: boolean }) {
  return (
    <Card className="flex flex-col items-start gap-3">
      <h2 className="text-lg font-semibold">No saved reports yet</h2>
      <p className="text-sm text-muted">
        {canEdit
          ? "Build a report in Explore, then press Save and give it a name: it shows up here for the whole team."
          : "Editors save reports from Explore; they show up here for the whole team. You can still build any report in Explore and share its link."}
      </p>
      <a href="/explore" className={buttonClass("primary")}>
        Open Explore
      </a>
    </Card>
  );
}
