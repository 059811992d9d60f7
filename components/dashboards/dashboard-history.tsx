"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { VersionTitle } from "@/components/ui/version-title";
import { describeDashboardChanges, type DescribeDashboardOptions } from "@/lib/dashboards/describe-dashboard-changes";
import { formatAgo } from "@/lib/format/format-date";
import { dashboardKeys, dashboardVersionsOptions, restoreDashboardVersion } from "./dashboard-queries";

type Props = {
  id: number;
  /** The version on screen: it has no "Restore". */
  currentVersion: number;
  /** Editors restore; nobody restores while the board is being edited (the draft would be lost). */
  canRestore: boolean;
  names: DescribeDashboardOptions;
};

function fullDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" });
}

/**
 * Every save of the board, newest first: who, when, and what changed in words. Restoring makes a new
 * version (Grafana's rule), so history is never rewritten. Loaded only when someone opens it.
 */
export function DashboardHistory({ id, currentVersion, canRestore, names }: Props) {
  const [open, setOpen] = useState(false);
  const headingId = useId();
  const listId = useId();
  const queryClient = useQueryClient();
  const versions = useQuery({ ...dashboardVersionsOptions(id), enabled: open });
  const restore = useMutation({
    mutationFn: (version: number) => restoreDashboardVersion(id, version),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: dashboardKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: dashboardKeys.versions(id) }),
        queryClient.invalidateQueries({ queryKey: dashboardKeys.list() }),
      ]);
    },
  });
  const now = new Date();
  const list = versions.data ?? [];

  return (
    <section aria-labelledby={headingId} className="mt-10 flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id={headingId} className="text-lg font-semibold">
          History
        </h2>
        <Button variant="secondary" className="py-1" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
          {open ? "Hide versions" : "Show versions"}
        </Button>
      </div>
      <div id={listId} hidden={!open} className="flex flex-col gap-3">
        {restore.isSuccess ? <Notice tone="success">Version {restore.variables} restored as a new version.</Notice> : null}
        {restore.error ? <Notice tone="error">Could not restore that version. {restore.error.message}</Notice> : null}
        {versions.error ? <Notice tone="error">The history could not be loaded. {versions.error.message}</Notice> : null}
        {versions.isPending && open ? <p className="text-sm text-muted">Loading the history…</p> : null}
        {list.length > 0 ? (
          <ol className="flex flex-col divide-y divide-line rounded-lg border border-line bg-surface">
            {list.map((version, index) => (
              <li key={version.version} className="flex flex-wrap items-start justify-between gap-3 p-3 text-sm">
                <div className="min-w-0 flex-1">
                  <VersionTitle as="p" className="font-medium" markerClassName="text-xs" version={version.version} current={version.version === currentVersion} />
                  <p className="text-muted">
                    {version.createdBy.name},{" "}
                    <time dateTime={version.createdAt} title={fullDate(version.createdAt)} suppressHydrationWarning>
                      {formatAgo(version.createdAt, now)}
                    </time>
                  </p>
                  <p className="mt-1 break-words">{describeDashboardChanges(version, list[index + 1], names)}</p>
                </div>
                {canRestore && version.version !== currentVersion ? (
                  <Button
                    variant="secondary"
                    className="py-1"
                    aria-label={`Restore version ${version.version}`}
                    disabled={restore.isPending}
                    onClick={() => restore.mutate(version.version)}
                  >
                    Restore
                  </Button>
                ) : null}
              </li>
            ))}
          </ol>
        ) : null}
      </div>
    </section>
  );
}
