"use client";
import Link from "next/link";
import type { MouseEvent, Ref } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { formatAgo } from "@/lib/format/format-date";
import { upgradeReportQuery } from "@/lib/query/query-upgrade";
import type { SavedReport } from "@/lib/reports/saved-report";
import { savedReportExploreHref } from "@/lib/reports/report-links";
import type { EditedReport } from "./edited-report";

/** What the save bar has to say: the last save's outcome, or why the report it edits is in trouble. */
export type SaveOutcome =
  | { kind: "created" | "updated"; report: EditedReport }
  /** Someone saved in between (409); `theirs` is their version, null when it could not be read back. */
  | { kind: "conflict"; theirs: SavedReport | null }
  | { kind: "gone"; name: string }
  | { kind: "missing" }
  | { kind: "error"; message: string }
  | { kind: "unreadable"; report: EditedReport };

type Props = {
  outcome: SaveOutcome;
  canSave: boolean;
  /** Opens "Save as new" (offered after a conflict). */
  onSaveAsNew?: (event: MouseEvent<HTMLElement>) => void;
  /** The notice takes focus after a save, so its link is the next stop. */
  ref?: Ref<HTMLDivElement>;
};

const link = "font-medium underline";

function Body({ outcome, canSave, onSaveAsNew }: Omit<Props, "ref">) {
  switch (outcome.kind) {
    case "created":
    case "updated":
      return (
        <p>
          {outcome.kind === "created" ? "Saved as a new report: " : "Saved "}
          <a href={`/reports/${outcome.report.id}`} className={link}>
            {outcome.report.name}
          </a>
          {outcome.kind === "created" ? "." : `, version ${outcome.report.version}.`} Open it to see its page and history, or keep editing here.
        </p>
      );
    case "conflict": {
      const theirs = outcome.theirs;
      const read = theirs ? upgradeReportQuery(theirs.query) : null;
      return (
        <>
          <p className="font-medium">
            {theirs
              ? `${theirs.updatedBy.name} saved version ${theirs.version} ${formatAgo(theirs.updatedAt, new Date())}, while you were editing.`
              : "Someone saved this report while you were editing."}{" "}
            Your changes were not saved over theirs.
          </p>
          <p className="mt-1 flex flex-wrap items-center gap-3">
            {onSaveAsNew ? (
              <Button variant="secondary" className="py-1" onClick={onSaveAsNew}>
                Save as new
              </Button>
            ) : null}
            {theirs ? (
              <a href={read?.ok ? savedReportExploreHref(theirs.id, read.query) : `/reports/${theirs.id}`} className={link}>
                Open their version
              </a>
            ) : null}
          </p>
        </>
      );
    }
    case "gone":
      return (
        <p>
          “{outcome.name}” was deleted while you were editing, so it could not be saved.{" "}
          {canSave ? "Save again to keep this report as a new one." : null}
        </p>
      );
    case "missing":
      return (
        <p>
          <span className="font-medium">That saved report no longer exists.</span> The builder shows the report the link described
          {canSave ? "; save it to keep it as a new report" : ""}. See the{" "}
          <Link href="/reports" className={link}>
            saved reports
          </Link>
          .
        </p>
      );
    case "error":
      return <p>The report could not be saved. {outcome.message} Nothing was changed; try again.</p>;
    case "unreadable":
      return (
        <>
          <p className="font-medium">The saved query of “{outcome.report.name}” can&apos;t be read:</p>
          <ul className="mt-1 list-disc pl-5">
            {outcome.report.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
          <p className="mt-1">
            {canSave ? "Build the report again here and Save to repair it, or restore an older version from " : "Its page may have an older version that works: see "}
            <a href={`/reports/${outcome.report.id}#history`} className={link}>
              its history
            </a>
            .
          </p>
        </>
      );
  }
}

const TONES = { created: "success", updated: "success", conflict: "warn", gone: "warn", missing: "warn", error: "error", unreadable: "warn" } as const;

/** One notice of the save bar, in words that say what happened and what to do next. */
export function SaveBarNotice({ ref, ...props }: Props) {
  return (
    <div ref={ref} tabIndex={-1} className="rounded-md">
      <Notice tone={TONES[props.outcome.kind]}>
        <Body {...props} />
      </Notice>
    </div>
  );
}
