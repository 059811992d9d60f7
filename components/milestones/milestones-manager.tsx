"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { ConfirmDeleteDialog } from "@/components/ui/confirm-delete-dialog";
import { milestoneChartHref } from "./explore-links";
import { MilestoneForm, type MilestoneDraft } from "./milestone-form";
import {
  milestonesQuery,
  useCreateMilestone,
  useDeleteMilestone,
  useUpdateMilestone,
  type ListedMilestone,
} from "./milestone-queries";
import { sortMilestones, type MilestoneView } from "@/lib/sites/milestone-input";
import { fieldsOf, useWarnBeforeLeavingWithPendingWrites, useWriteMessages, type MutationHooks } from "@/components/site-writes/write-messages";
import { WriteMessageNotice } from "@/components/site-writes/write-message-notice";

type Props = {
  siteId: string;
  siteName: string;
  /** Editors and admins get the forms and buttons; viewers only read (the server refuses them anyway). */
  canEdit: boolean;
  /** The list as the server rendered it. */
  initialMilestones: MilestoneView[];
  /** Today in the site's timezone (`YYYY-MM-DD`): no chart link reaches past it. */
  today: string;
};

const emptyDraft = (date = ""): MilestoneDraft => ({ name: "", milestone_date: date });

function AddMilestone({ siteId, hooks }: { siteId: string; hooks: MutationHooks }) {
  const [draft, setDraft] = useState(emptyDraft);
  const create = useCreateMilestone(siteId, hooks);
  return (
    <Card>
      <h2 className="mb-3 font-medium">Add a milestone</h2>
      <MilestoneForm
        draft={draft}
        onDraftChange={setDraft}
        submitLabel="Add milestone"
        pending={create.isPending}
        serverFields={fieldsOf(create.error)}
        onSubmit={(input) => create.mutate(input, { onSuccess: () => setDraft(emptyDraft()) })}
      />
    </Card>
  );
}

function MilestoneRow({
  siteId,
  milestone,
  canEdit,
  hooks,
  today,
}: {
  siteId: string;
  milestone: ListedMilestone;
  canEdit: boolean;
  hooks: MutationHooks;
  today: string;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<MilestoneDraft>({ name: milestone.name, milestone_date: milestone.date });
  const update = useUpdateMilestone(siteId, {
    ...hooks,
    // The row was put back as it was; reopen the form with what was typed and Fathom's field messages.
    onFailure: (error, what) => {
      setEditing(true);
      hooks.onFailure?.(error, what);
    },
  });
  const remove = useDeleteMilestone(siteId, hooks);
  const chart = milestoneChartHref(siteId, milestone.date, today);
  const nameId = `milestone-${milestone.id}-name`;

  return (
    <li
      className="flex flex-col gap-2 border-b border-line px-4 py-3 last:border-0"
      aria-labelledby={nameId}
      aria-busy={milestone.pending ? true : undefined}
      data-testid="milestone"
      data-milestone-id={milestone.id}
    >
      {editing ? (
        <MilestoneForm
          draft={draft}
          onDraftChange={setDraft}
          submitLabel="Save"
          labelSuffix={` of “${milestone.name}”`}
          autoFocus
          pending={update.isPending}
          serverFields={fieldsOf(update.error)}
          onCancel={() => {
            setEditing(false);
            update.reset();
            setDraft({ name: milestone.name, milestone_date: milestone.date });
          }}
          onSubmit={(input) => {
            setEditing(false);
            update.mutate({ id: milestone.id, input });
          }}
        />
      ) : (
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
          <time dateTime={milestone.date} className="w-28 shrink-0 font-mono text-sm tabular-nums text-muted" data-testid="milestone-date">
            {milestone.date}
          </time>
          <span id={nameId} className="min-w-0 flex-1 break-words font-medium" data-testid="milestone-name">
            {milestone.name}
          </span>
          {milestone.pending ? <span className="text-xs text-muted">Saving…</span> : null}
          <div className="flex flex-wrap items-center gap-1">
            {chart ? (
              <Link href={chart} className="rounded-md px-3 py-2 text-sm text-accent hover:underline">
                See on chart<span className="sr-only">: {milestone.name}</span>
              </Link>
            ) : null}
            {canEdit ? (
              <>
                <Button
                  variant="ghost"
                  aria-label={`Edit milestone ${milestone.name}`}
                  disabled={milestone.pending}
                  onClick={() => {
                    setDraft({ name: milestone.name, milestone_date: milestone.date });
                    update.reset();
                    setEditing(true);
                  }}
                >
                  Edit
                </Button>
                <ConfirmDeleteDialog
                  triggerText="Delete"
                  triggerLabel={`Delete milestone ${milestone.name}`}
                  title="Delete this milestone?"
                  confirmText="Delete milestone"
                  disabled={milestone.pending}
                  onConfirm={() => remove.mutate(milestone)}
                >
                  <p>
                    “{milestone.name}” on {milestone.date} will be removed from this site in Fathom and from every chart in Sounding.
                  </p>
                  <p className="text-muted">Your traffic data is not affected. This can&apos;t be undone, but you can add the milestone again.</p>
                </ConfirmDeleteDialog>
              </>
            ) : null}
          </div>
        </div>
      )}
    </li>
  );
}

/** A site's milestones, newest first, with add, edit and delete for editors. */
export function MilestonesManager({ siteId, siteName, canEdit, initialMilestones, today }: Props) {
  const query = useQuery({ ...milestonesQuery(siteId), initialData: initialMilestones });
  const [message, hooks, dismiss] = useWriteMessages();
  useWarnBeforeLeavingWithPendingWrites();
  const milestones = sortMilestones(query.data ?? []) as ListedMilestone[];

  return (
    <div className="flex flex-col gap-4">
      <WriteMessageNotice message={message} onDismiss={dismiss} />
      {canEdit ? <AddMilestone siteId={siteId} hooks={hooks} /> : null}
      {query.error ? (
        <Notice tone="error">Could not refresh the milestones: {query.error.message}</Notice>
      ) : null}
      <section className="rounded-lg border border-line bg-surface shadow-sm">
        <h2 className="border-b border-line px-4 py-3 font-medium">
          Milestones of {siteName} <span className="text-sm font-normal text-muted">({milestones.length}, newest first)</span>
        </h2>
        {milestones.length === 0 ? (
          <p className="px-4 py-6 text-sm text-muted">
            No milestones yet.{canEdit ? " Add one above: it shows as a marker on every timeline of this site." : ""}
          </p>
        ) : (
          <ul aria-label={`Milestones of ${siteName}`}>
            {milestones.map((milestone) => (
              <MilestoneRow key={milestone.id} siteId={siteId} milestone={milestone} canEdit={canEdit} hooks={hooks} today={today} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
