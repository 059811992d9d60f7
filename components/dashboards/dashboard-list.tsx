"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { ConfirmDeleteDialog } from "@/components/ui/confirm-dialog";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { formatAgo } from "@/lib/format/format-date";
import { CreateDashboardDialog } from "./create-dashboard-dialog";
import {
  dashboardKeys,
  dashboardListOptions,
  deleteDashboard,
  duplicateDashboard,
  undeleteDashboard,
  type DashboardListItem,
} from "./dashboard-queries";

type Props = { initial: DashboardListItem[]; canEdit: boolean; deletedId: number | null };

/** The outcome of the last action, with its undo: shown until the next one or a dismissal. */
type Outcome =
  | { kind: "deleted"; id: number; name: string | null }
  | { kind: "restored"; id: number; name: string | null }
  | { kind: "duplicated"; id: number; name: string }
  | { kind: "failed"; text: string };

/**
 * /dashboards: every board with its tiles, owner and last change. Editors create one (a name, then the
 * empty board), duplicate one, or delete one after a confirmation, with "Undo" in the notice that follows
 * (focus goes to it, since the row it came from is gone).
 */
export function DashboardList({ initial, canEdit, deletedId }: Props) {
  const queryClient = useQueryClient();
  const { data: dashboards } = useQuery({ ...dashboardListOptions(), initialData: initial });
  const [outcome, setOutcome] = useState<Outcome | null>(deletedId === null ? null : { kind: "deleted", id: deletedId, name: null });
  const undoButton = useRef<HTMLButtonElement>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: dashboardKeys.list() });

  const remove = useMutation({
    mutationFn: (dashboard: DashboardListItem) => deleteDashboard(dashboard.id),
    onSuccess: (_, dashboard) => {
      queryClient.setQueryData<DashboardListItem[]>(dashboardKeys.list(), (list) => list?.filter((item) => item.id !== dashboard.id));
      setOutcome({ kind: "deleted", id: dashboard.id, name: dashboard.name });
      void refresh();
    },
    onError: (error, dashboard) => setOutcome({ kind: "failed", text: `Could not delete “${dashboard.name}”. ${error.message}` }),
  });
  const undelete = useMutation({
    mutationFn: (id: number) => undeleteDashboard(id),
    onSuccess: (_, id) => {
      setOutcome((last) => ({ kind: "restored", id, name: last && "name" in last ? last.name : null }));
      void refresh();
    },
    onError: (error) => setOutcome({ kind: "failed", text: `Could not undo the delete. ${error.message}` }),
  });
  const duplicate = useMutation({
    mutationFn: (dashboard: DashboardListItem) => duplicateDashboard(dashboard.id),
    onSuccess: (copy) => {
      setOutcome({ kind: "duplicated", id: copy.id, name: copy.name });
      void refresh();
    },
    onError: (error, dashboard) => setOutcome({ kind: "failed", text: `Could not duplicate “${dashboard.name}”. ${error.message}` }),
  });

  useEffect(() => {
    if (outcome?.kind === "deleted" && remove.isSuccess) undoButton.current?.focus();
  }, [outcome, remove.isSuccess]);

  // Arrived from a board's "Delete": the notice holds the undo now, and a reload should not offer it again.
  useEffect(() => {
    if (deletedId !== null && window.location.search) window.history.replaceState(window.history.state, "", window.location.pathname);
  }, [deletedId]);

  const now = new Date();
  return (
    <>
      <PageHeader title="Dashboards" description="Several saved reports on one board, with one date range and filters for all." actions={canEdit ? <CreateDashboardDialog /> : undefined} />
      {outcome ? (
        <Notice tone={outcome.kind === "failed" ? "error" : "success"} className="mb-4 flex flex-wrap items-center justify-between gap-3">
          <span>
            {outcome.kind === "failed" ? outcome.text : null}
            {outcome.kind === "deleted" ? `Deleted ${outcome.name ? `“${outcome.name}”` : "the dashboard"}.` : null}
            {outcome.kind === "restored" ? (
              <>
                Brought back <Link href={`/dashboards/${outcome.id}`} className="underline">{outcome.name ? `“${outcome.name}”` : "the dashboard"}</Link>.
              </>
            ) : null}
            {outcome.kind === "duplicated" ? (
              <>
                Made a copy: <Link href={`/dashboards/${outcome.id}`} className="underline">{outcome.name}</Link>.
              </>
            ) : null}
          </span>
          <span className="flex gap-2">
            {outcome.kind === "deleted" && canEdit ? (
              <button ref={undoButton} type="button" className={buttonClass("secondary", "py-1")} onClick={() => undelete.mutate(outcome.id)} disabled={undelete.isPending}>
                Undo
              </button>
            ) : null}
            <button type="button" className="text-xs underline" onClick={() => setOutcome(null)}>
              Dismiss
            </button>
          </span>
        </Notice>
      ) : null}
      {dashboards.length === 0 ? (
        <div className="rounded-lg border border-dashed border-line p-8 text-center text-sm text-muted">
          <p className="font-medium text-ink">No dashboards yet.</p>
          <p className="mt-1">{canEdit ? "“New dashboard” starts one: name it, then add saved reports, notes and live visitors." : "Ask an editor to make one."}</p>
        </div>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-line bg-surface shadow-sm">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Dashboards</caption>
            <thead className="border-b border-line text-xs uppercase tracking-wide text-muted">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">Name</th>
                <th scope="col" className="px-4 py-2 font-medium">Tiles</th>
                <th scope="col" className="px-4 py-2 font-medium">Owner</th>
                <th scope="col" className="px-4 py-2 font-medium">Last change</th>
                {canEdit ? <th scope="col" className="px-4 py-2 font-medium"><span className="sr-only">Actions</span></th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {dashboards.map((dashboard) => (
                <tr key={dashboard.id}>
                  <td className="px-4 py-3">
                    <Link href={`/dashboards/${dashboard.id}`} className="font-medium text-accent hover:underline">{dashboard.name}</Link>
                    {dashboard.description ? <p className="mt-0.5 line-clamp-1 text-xs text-muted">{dashboard.description}</p> : null}
                  </td>
                  <td className="px-4 py-3 tabular-nums">{dashboard.tileCount}</td>
                  <td className="px-4 py-3">{dashboard.owner.name}</td>
                  <td className="px-4 py-3 whitespace-nowrap text-muted">
                    {dashboard.updatedBy.name}, <time dateTime={dashboard.updatedAt} suppressHydrationWarning>{formatAgo(dashboard.updatedAt, now)}</time>
                  </td>
                  {canEdit ? (
                    <td className="px-4 py-3">
                      <div className="flex justify-end gap-1">
                        <Button variant="ghost" className="py-1" aria-label={`Duplicate ${dashboard.name}`} onClick={() => duplicate.mutate(dashboard)} disabled={duplicate.isPending}>
                          Duplicate
                        </Button>
                        <ConfirmDeleteDialog triggerText="Delete" triggerLabel={`Delete ${dashboard.name}`} title={`Delete “${dashboard.name}”?`} confirmText="Delete dashboard" onConfirm={() => remove.mutate(dashboard)}>
                          <p>The dashboard and its {dashboard.tileCount === 1 ? "tile go" : "tiles go"} away for everyone. The saved reports it shows stay.</p>
                          <p>You can undo this from the notice that follows.</p>
                        </ConfirmDeleteDialog>
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
