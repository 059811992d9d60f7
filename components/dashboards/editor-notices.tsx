"use client";
import { AlertDialog } from "radix-ui";
import { Button, buttonClass } from "@/components/ui/button";
import { dialogPanelClass, overlayClass } from "@/components/ui/confirm-dialog";
import { Notice } from "@/components/ui/notice";
import { ApiClientError } from "@/lib/api/client";
import { formatAgo } from "@/lib/format/format-date";
import type { SaveConflict } from "./use-save-dashboard";

/**
 * Why "Save" did not save: someone saved in between (who, when, and both ways on), a tile naming a report
 * deleted since, or any other refusal in the server's words. Nothing was changed in each case.
 */
export function SaveProblem({
  error,
  conflict,
  pending,
  onOverwrite,
  onDiscard,
}: {
  error: Error | null;
  conflict: SaveConflict | null;
  pending: boolean;
  onOverwrite: () => void;
  onDiscard: () => void;
}) {
  if (conflict) {
    const { theirs } = conflict;
    return (
      <Notice tone="error" className="flex flex-col gap-2">
        <p>
          {theirs.updatedBy.name} saved this dashboard {formatAgo(theirs.updatedAt, new Date())} (version {theirs.version}), after you started
          editing. Your changes are not saved yet.
        </p>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={onOverwrite} disabled={pending}>
            Save mine over theirs
          </Button>
          <Button variant="ghost" onClick={onDiscard} disabled={pending}>
            Discard mine and show theirs
          </Button>
        </div>
      </Notice>
    );
  }
  if (!error) return null;
  const unknownReport = error instanceof ApiClientError && error.code === "unknown_report";
  return (
    <Notice tone="error">
      Could not save the dashboard. {error.message}
      {unknownReport ? " Remove the tile of the deleted report, then save again." : ""} Nothing was changed.
    </Notice>
  );
}

/** "Cancel" with changes asks first, listing what would be lost. */
export function DiscardDialog({
  open,
  onOpenChange,
  changes,
  onDiscard,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  changes: string[];
  onDiscard: () => void;
}) {
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={overlayClass} />
        <AlertDialog.Content className={dialogPanelClass}>
          <AlertDialog.Title className="text-lg font-semibold">Discard your changes?</AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className="flex flex-col gap-2 text-sm">
              <p>These changes have not been saved:</p>
              <ul className="list-disc pl-5">
                {changes.slice(0, 8).map((change) => (
                  <li key={change}>{change}</li>
                ))}
                {changes.length > 8 ? <li>and {changes.length - 8} more</li> : null}
              </ul>
            </div>
          </AlertDialog.Description>
          <div className="mt-2 flex flex-wrap justify-end gap-2">
            <AlertDialog.Cancel className={buttonClass("secondary")}>Keep editing</AlertDialog.Cancel>
            <AlertDialog.Action className={buttonClass("danger")} onClick={onDiscard}>
              Discard changes
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
