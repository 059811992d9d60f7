"use client";
import dynamic from "next/dynamic";
import { useEffect, useId, useMemo, useRef, useState, type MouseEvent } from "react";
import { replaceSavedReportParam, useSavedReportParam } from "@/components/query-builder/use-report-url";
import { Button } from "@/components/ui/button";
import { ApiClientError } from "@/lib/api/client";
import { queryMessages, type ReportQuery } from "@/lib/query/report-query";
import { canonicalReportQuery, sameReportQuery } from "@/lib/query/stored-query";
import type { SavedReport } from "@/lib/reports/saved-report";
import { editedReport, type EditedReport } from "./edited-report";
import { SaveBarNotice, type SaveOutcome } from "./save-bar-notice";
import { createSavedReport, fetchSavedReport, updateSavedReport } from "./saved-report-requests";
import type { ReportDetails } from "./report-details-dialog";

/** The dialog (radix Dialog and its form) loads the first time someone saves, not with the builder. */
const ReportDetailsDialog = dynamic(() => import("./report-details-dialog").then((module) => module.ReportDetailsDialog), { ssr: false });

export type ExploreSaveBarProps = {
  /** Editors and admins save; viewers only see which saved report they are looking at. */
  canSave: boolean;
  /** The saved report the page was opened to edit (`?report=12`), as the server read it. */
  report: EditedReport | null;
  /** The address named a saved report that does not exist (any more): said once, the builder still works. */
  missing: boolean;
  /** The builder's draft: what "Save" keeps. */
  draft: ReportQuery;
  /** Called with the query just saved, so the page shows (and its address says) what was saved. */
  onSaved: (query: ReportQuery) => void;
};

type DialogMode = "new" | "fork";

const DIALOG_TEXT: Record<DialogMode, { title: string; explanation: string; submit: string }> = {
  new: { title: "Save report", explanation: "The team finds saved reports on the Reports page; every later save is kept in its history.", submit: "Save report" },
  fork: { title: "Save as a new report", explanation: "A copy of this report as it is now in the builder; the original stays as it was saved.", submit: "Save as new" },
};

/**
 * Explore's save bar: which saved report the builder is editing ("Editing: Blog traffic · version 3"),
 * whether the builder's draft differs from it (compared as canonical queries, not as URLs), "Save" (a new
 * report, or a new version with the version it started from, refused when someone saved in between) and
 * "Save as new". After a save, a notice links to the report's page and takes the focus.
 */
export function ExploreSaveBar({ canSave, report, missing, draft, onSaved }: ExploreSaveBarProps) {
  const id = useId();
  // Reports met on this page, by id: the address's `report=` says which one is being edited (Back included).
  const [known, setKnown] = useState<Record<string, EditedReport>>(() => (report ? { [report.id]: report } : {}));
  const param = useSavedReportParam(report ? String(report.id) : null);
  const editing = param === null ? undefined : known[param];
  const [outcome, setOutcome] = useState<SaveOutcome | null>(missing ? { kind: "missing" } : null);
  const [pending, setPending] = useState(false);
  const [dialog, setDialog] = useState<{ mode: DialogMode; open: boolean } | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  // Where focus goes after a save: the notice, at once (Save) or once the dialog has closed (its own handler).
  const focusNotice = useRef<"now" | "on-close" | null>(null);

  // A report that does not exist leaves the address, so the next save starts a new one.
  useEffect(() => {
    if (missing) replaceSavedReportParam(null);
  }, [missing]);
  useEffect(() => {
    if (outcome && focusNotice.current === "now") {
      focusNotice.current = null;
      noticeRef.current?.focus();
    }
  }, [outcome]);

  const valid = useMemo(() => Object.keys(queryMessages(draft)).length === 0, [draft]);
  const unsaved = editing ? !(editing.query && sameReportQuery(draft, editing.query)) : false;

  function saved(next: SavedReport, kind: "created" | "updated") {
    const edited = editedReport(next);
    setKnown((current) => ({ ...current, [next.id]: edited }));
    if (kind === "created") replaceSavedReportParam(next.id);
    onSaved(draft);
    focusNotice.current = kind === "created" ? "on-close" : "now";
    setOutcome({ kind, report: edited });
  }

  async function update(target: EditedReport) {
    setPending(true);
    try {
      saved(await updateSavedReport(target.id, { query: canonicalReportQuery(draft), baseVersion: target.version }), "updated");
    } catch (error) {
      focusNotice.current = "now";
      if (error instanceof ApiClientError && error.status === 409) {
        const theirs = await fetchSavedReport(target.id).catch(() => null);
        setOutcome({ kind: "conflict", theirs });
      } else if (error instanceof ApiClientError && error.status === 404) {
        // Deleted meanwhile: the address lets go of it, so the next Save makes a new report.
        replaceSavedReportParam(null);
        setOutcome({ kind: "gone", name: target.name });
      } else {
        setOutcome({ kind: "error", message: error instanceof Error ? error.message : "The report could not be saved." });
      }
    } finally {
      setPending(false);
    }
  }

  async function create(details: ReportDetails) {
    const next = await createSavedReport({ ...details, query: canonicalReportQuery(draft) });
    saved(next, "created");
    setDialog((current) => current && { ...current, open: false });
  }

  function openDialog(mode: DialogMode, event: MouseEvent<HTMLElement>) {
    opener.current = event.currentTarget;
    setDialog({ mode, open: true });
  }

  // Refusals keep focus where it is (aria-disabled, not disabled) and say why beside the button.
  const blocked = !valid ? "Fix the report's problems to save it." : editing && !unsaved ? "No unsaved changes." : null;
  const text = DIALOG_TEXT[dialog?.mode ?? "new"];

  if (!canSave && !editing && outcome === null) return null;
  return (
    <section aria-labelledby={`${id}-title`} className="mb-4 flex flex-col gap-2" data-print="hide">
      <h2 id={`${id}-title`} className="sr-only">
        Saved report
      </h2>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm">
          {editing ? (
            <>
              {canSave ? "Editing: " : "Saved report: "}
              <a href={`/reports/${editing.id}`} className="font-medium underline">
                {editing.name}
              </a>
              <span className="text-muted"> · version {editing.version}</span>
              <span role="status" className="ml-2 inline-flex items-center gap-1">
                {unsaved ? (
                  <>
                    <span aria-hidden="true" className="inline-block size-2 rounded-full bg-warn" />
                    Unsaved changes
                  </>
                ) : (
                  <span className="text-muted">All changes saved</span>
                )}
              </span>
            </>
          ) : canSave ? (
            <span className="text-muted">Not saved yet: save it to find it again on the Reports page.</span>
          ) : null}
        </p>
        {canSave ? (
          <div className="flex flex-wrap items-center gap-2">
            {blocked ? (
              <span id={`${id}-blocked`} className="text-xs text-muted">
                {blocked}
              </span>
            ) : null}
            <Button
              aria-disabled={blocked !== null || pending}
              aria-describedby={blocked ? `${id}-blocked` : undefined}
              onClick={(event) => {
                if (blocked || pending) return;
                if (editing) void update(editing);
                else openDialog("new", event);
              }}
            >
              {pending ? "Saving…" : "Save"}
            </Button>
            {editing ? (
              <Button
                variant="secondary"
                aria-disabled={!valid}
                aria-describedby={!valid ? `${id}-blocked` : undefined}
                onClick={(event) => valid && openDialog("fork", event)}
              >
                Save as new
              </Button>
            ) : null}
          </div>
        ) : null}
      </div>
      {editing && editing.problems.length > 0 ? <SaveBarNotice outcome={{ kind: "unreadable", report: editing }} canSave={canSave} /> : null}
      {outcome ? (
        <SaveBarNotice
          ref={noticeRef}
          outcome={outcome}
          canSave={canSave}
          onSaveAsNew={canSave && valid ? (event) => openDialog("fork", event) : undefined}
        />
      ) : null}
      {dialog ? (
        <ReportDetailsDialog
          open={dialog.open}
          onOpenChange={(open) => setDialog({ ...dialog, open })}
          title={text.title}
          explanation={text.explanation}
          submitLabel={text.submit}
          initial={dialog.mode === "fork" && editing ? { name: `Copy of ${editing.name}`, description: editing.description } : { name: "", description: "" }}
          onSubmit={create}
          onCloseAutoFocus={(event) => {
            // Radix returns focus only to its own trigger: after a save the notice takes it, else the button that opened the dialog.
            event.preventDefault();
            if (focusNotice.current === "on-close") {
              focusNotice.current = null;
              noticeRef.current?.focus();
            } else opener.current?.focus();
          }}
        />
      ) : null}
    </section>
  );
}
