"use client";
import { AlertDialog } from "radix-ui";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { dialogPanelClass, overlayClass } from "@/components/ui/confirm-dialog";
import { Notice } from "@/components/ui/notice";
import { VersionTitle } from "@/components/ui/version-title";
import { RelativeTime } from "./relative-time";
import { restoreSavedReportVersion } from "./saved-report-requests";

/** One version as the history lists it; `changes` is describe-changes' text against the version before. */
export type HistoryEntry = { version: number; who: string; createdAt: string; changes: string };

type Props = {
  reportId: number;
  /** Newest first, as the service answers. */
  entries: HistoryEntry[];
  /** The report's current version (it has no Restore). */
  currentVersion: number;
  /** Editors and admins restore; viewers read. */
  canRestore: boolean;
  /** The server's clock at render, for "3 h ago". */
  now: string;
};

type Outcome = { ok: true; from: number; to: number; previous: number } | { ok: false; from: number; message: string };

/** "Restore" for one version: asks first (saying that history is kept), focus starting on Cancel. */
function RestoreButton({ version, nextVersion, disabled, onConfirm }: { version: number; nextVersion: number; disabled: boolean; onConfirm: () => void }) {
  // Once confirmed, the notice that follows takes the focus, not this button.
  const confirmed = useRef(false);
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger className={buttonClass("secondary", "py-1")} aria-label={`Restore version ${version}`} disabled={disabled}>
        Restore
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={overlayClass} />
        <AlertDialog.Content
          className={dialogPanelClass}
          onCloseAutoFocus={(event) => {
            if (confirmed.current) event.preventDefault();
            confirmed.current = false;
          }}
        >
          <AlertDialog.Title className="text-lg font-semibold">Restore version {version}?</AlertDialog.Title>
          <AlertDialog.Description className="text-sm">
            The report becomes what version {version} was (name, description and query), saved as a new version {nextVersion}. Every version stays in the
            history, so this can be undone by restoring the current one.
          </AlertDialog.Description>
          <div className="mt-2 flex flex-wrap justify-end gap-2">
            <AlertDialog.Cancel className={buttonClass("secondary")}>Cancel</AlertDialog.Cancel>
            <AlertDialog.Action
              className={buttonClass("primary")}
              onClick={() => {
                confirmed.current = true;
                onConfirm();
              }}
            >
              Restore version {version}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

/**
 * A saved report's history: every version (all are kept), who saved it and when, and what it changed in
 * words. Restoring one saves it as a new version (Grafana's rule), then the page is read again, so the
 * report above shows it; a notice says so and takes the focus.
 */
export function VersionHistory({ reportId, entries, currentVersion, canRestore, now }: Props) {
  const router = useRouter();
  const [pending, setPending] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (outcome) noticeRef.current?.focus();
  }, [outcome]);

  async function restore(version: number) {
    setPending(version);
    try {
      const restored = await restoreSavedReportVersion(reportId, version);
      setOutcome({ ok: true, from: version, to: restored.version, previous: currentVersion });
      router.refresh();
    } catch (error) {
      setOutcome({ ok: false, from: version, message: error instanceof Error ? error.message : "Something went wrong." });
    } finally {
      setPending(null);
    }
  }

  return (
    <section id="history" aria-labelledby="history-title" className="flex flex-col gap-3">
      <h2 id="history-title" className="text-lg font-semibold">
        History
      </h2>
      {outcome ? (
        <div ref={noticeRef} tabIndex={-1} className="rounded-md">
          {outcome.ok ? (
            <Notice tone="success">
              {outcome.to === outcome.previous
                ? `Version ${outcome.from} is the same as the current version, so nothing changed.`
                : `Restored version ${outcome.from} as version ${outcome.to}. The report above shows it.`}
            </Notice>
          ) : (
            <Notice tone="error">
              Version {outcome.from} could not be restored. {outcome.message} Nothing was changed.
            </Notice>
          )}
        </div>
      ) : null}
      <ol className="flex flex-col divide-y divide-line rounded-lg border border-line bg-surface">
        {entries.map((entry) => (
          <li key={entry.version} className="flex flex-col gap-2 p-3 sm:flex-row sm:items-start sm:justify-between">
            <div className="flex min-w-0 flex-col gap-0.5">
              <VersionTitle as="h3" className="text-sm font-semibold" version={entry.version} current={entry.version === currentVersion} />
              <p className="text-xs text-muted">
                {entry.who}, <RelativeTime iso={entry.createdAt} now={now} />
              </p>
              <p className="text-sm break-words">{entry.changes}</p>
            </div>
            {canRestore && entry.version !== currentVersion ? (
              <RestoreButton version={entry.version} nextVersion={currentVersion + 1} disabled={pending !== null} onConfirm={() => void restore(entry.version)} />
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
