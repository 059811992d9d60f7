"use client";
import type { Ref } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { SavedReportListItem } from "@/lib/reports/saved-report";

/** What the last change on the Reports page did. */
export type ListOutcome =
  | { kind: "deleted"; report: SavedReportListItem }
  | { kind: "restored" | "duplicated" | "renamed"; name: string; id: number }
  | { kind: "error"; message: string };

type Props = {
  outcome: ListOutcome;
  /** Brings a deleted report back (the server's undelete). */
  onUndo: (report: SavedReportListItem) => void;
  undoing: boolean;
  /** The notice takes focus when the row it speaks of has gone (after a delete or an undo). */
  ref?: Ref<HTMLDivElement>;
};

const link = "font-medium underline";

/**
 * The Reports page's notice: what just happened, with a link to the report it concerns, and Undo after
 * a delete for as long as it shows (until the next change; it never times out on its own).
 */
export function ListNotice({ outcome, onUndo, undoing, ref }: Props) {
  return (
    <div ref={ref} tabIndex={-1} className="rounded-md">
      {outcome.kind === "error" ? (
        <Notice tone="error">That did not work: {outcome.message} Nothing was changed.</Notice>
      ) : outcome.kind === "deleted" ? (
        <Notice tone="success" className="flex flex-wrap items-center justify-between gap-2">
          <span>Deleted “{outcome.report.name}”.</span>
          <Button variant="secondary" className="py-1" disabled={undoing} onClick={() => onUndo(outcome.report)}>
            {undoing ? "Undoing…" : "Undo"}
          </Button>
        </Notice>
      ) : (
        <Notice tone="success">
          {outcome.kind === "restored" ? "Restored " : outcome.kind === "duplicated" ? "Made a copy: " : "Saved the new name: "}
          <a href={`/reports/${outcome.id}`} className={link}>
            {outcome.name}
          </a>
          .
        </Notice>
      )}
    </div>
  );
}
