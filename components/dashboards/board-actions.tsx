"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button, buttonClass } from "@/components/ui/button";
import { ConfirmDeleteDialog } from "@/components/ui/confirm-dialog";
import { Notice } from "@/components/ui/notice";
import { deleteDashboard, duplicateDashboard, dashboardKeys } from "./dashboard-queries";

/** Where a deleted dashboard leads: the list, which offers to undo it. */
export function deletedHref(id: number): string {
  return `/dashboards?deleted=${id}`;
}

/**
 * A board's "Share with a client…" (a new client share of it), "Duplicate" (opens the copy) and "Delete"
 * (asks first, then goes to the list, whose notice can undo it). Editors only; the server refuses anyone
 * else anyway.
 */
export function BoardActions({ id, name, disabled }: { id: number; name: string; disabled?: boolean }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const duplicate = useMutation({
    mutationFn: () => duplicateDashboard(id),
    onSuccess: (copy) => {
      void queryClient.invalidateQueries({ queryKey: dashboardKeys.list() });
      router.push(`/dashboards/${copy.id}`);
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteDashboard(id),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: dashboardKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: dashboardKeys.list() });
      router.push(deletedHref(id));
    },
  });
  const error = duplicate.error ?? remove.error;
  return (
    <>
      <Link href={`/settings/shares/new?target=dashboard:${id}`} className={buttonClass("secondary")}>
        Share with a client…
      </Link>
      <Button variant="secondary" onClick={() => duplicate.mutate()} disabled={disabled || duplicate.isPending}>
        {duplicate.isPending ? "Duplicating…" : "Duplicate"}
      </Button>
      <ConfirmDeleteDialog
        triggerText={remove.isPending ? "Deleting…" : "Delete"}
        triggerLabel={`Delete the dashboard ${name}`}
        title={`Delete “${name}”?`}
        confirmText="Delete dashboard"
        onConfirm={() => remove.mutate()}
        disabled={disabled || remove.isPending}
      >
        <p>The dashboard and its tiles go away for everyone. The saved reports it shows stay.</p>
        <p>You can undo this from the list of dashboards.</p>
      </ConfirmDeleteDialog>
      {error ? (
        <Notice tone="error" className="basis-full">
          {duplicate.error ? "Could not duplicate the dashboard." : "Could not delete the dashboard."} {error.message}
        </Notice>
      ) : null}
    </>
  );
}
