"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDeleteDialog } from "@/components/ui/confirm-dialog";
import { Notice } from "@/components/ui/notice";
import { deleteSavedReport, undeleteSavedReport } from "./saved-report-requests";

type State = { kind: "idle" } | { kind: "deleted" } | { kind: "error"; message: string };

/**
 * "Delete this report" on a report's own page (offered where it cannot be shown): asks first, then says
 * it is gone with Undo (the server's undelete) and a way back to the list; the notice takes the focus.
 */
export function DeleteReportAction({ reportId, name }: { reportId: number; name: string }) {
  const router = useRouter();
  const [state, setState] = useState<State>({ kind: "idle" });
  const [pending, setPending] = useState(false);
  const noticeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state.kind !== "idle") noticeRef.current?.focus();
  }, [state]);

  async function run(work: () => Promise<unknown>, next: State) {
    setPending(true);
    try {
      await work();
      setState(next);
      if (next.kind === "idle") router.refresh();
    } catch (error) {
      setState({ kind: "error", message: error instanceof Error ? error.message : "Something went wrong." });
    } finally {
      setPending(false);
    }
  }

  if (state.kind === "deleted") {
    return (
      <div ref={noticeRef} tabIndex={-1} className="rounded-md">
        <Notice tone="success" className="flex flex-wrap items-center gap-3">
          <span>Deleted “{name}”.</span>
          <Button variant="secondary" className="py-1" disabled={pending} onClick={() => void run(() => undeleteSavedReport(reportId), { kind: "idle" })}>
            {pending ? "Undoing…" : "Undo"}
          </Button>
          <Link href="/reports" className="font-medium underline">
            Back to the reports
          </Link>
        </Notice>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      <ConfirmDeleteDialog
        triggerText="Delete this report"
        triggerLabel={`Delete “${name}”`}
        title={`Delete “${name}”?`}
        confirmText="Delete report"
        disabled={pending}
        onConfirm={() => void run(() => deleteSavedReport(reportId), { kind: "deleted" })}
      >
        <p>The report and its history leave the Reports page for everyone. You can undo this from the notice that follows.</p>
      </ConfirmDeleteDialog>
      {state.kind === "error" ? (
        <div ref={noticeRef} tabIndex={-1} className="rounded-md">
          <Notice tone="error">The report could not be deleted. {state.message}</Notice>
        </div>
      ) : null}
    </div>
  );
}
