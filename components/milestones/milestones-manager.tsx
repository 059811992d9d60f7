"use client";
import { milestoneChartHref } from "@/lib/reports/report-links";
import { useCreateForm, useRowEditing } from "@/components/site-writes/item-forms";
import { itemNameId, SiteItemRow } from "@/components/site-writes/site-item-row";
import { SiteItemsManager } from "@/components/site-writes/site-items-manager";
import type { MutationHooks } from "@/components/site-writes/write-messages";
import { MilestoneForm, type MilestoneDraft } from "./milestone-form";
import { milestonesQuery, useCreateMilestone, useDeleteMilestone, useUpdateMilestone, type ListedMilestone } from "./milestone-queries";
import { sortMilestones, type MilestoneView } from "@/lib/sites/milestone-input";

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
  const form = useCreateForm(emptyDraft, useCreateMilestone(siteId, hooks));
  return <MilestoneForm submitLabel="Add milestone" {...form} />;
}

type RowProps = { siteId: string; milestone: ListedMilestone; canEdit: boolean; hooks: MutationHooks; today: string };

function MilestoneRow({ siteId, milestone, canEdit, hooks, today }: RowProps) {
  const edit = useRowEditing<MilestoneDraft>(milestone, () => ({ name: milestone.name, milestone_date: milestone.date }), hooks);
  const update = useUpdateMilestone(siteId, edit.hooks);
  const remove = useDeleteMilestone(siteId, hooks);
  const chart = milestoneChartHref(siteId, milestone.date, today);

  return (
    <SiteItemRow
      kind="milestone"
      item={milestone}
      canEdit={canEdit}
      editing={edit.editing}
      form={<MilestoneForm {...edit.formProps(update)} />}
      link={chart ? { href: chart, text: "See on chart" } : undefined}
      onEdit={() => edit.open(update)}
      deletion={{
        title: "Delete this milestone?",
        confirmText: "Delete milestone",
        onConfirm: () => remove.mutate(milestone),
        consequences: (
          <>
            <p>
              “{milestone.name}” on {milestone.date} will be removed from this site in Fathom and from every chart in Sounding.
            </p>
            <p className="text-muted">Your traffic data is not affected. This can&apos;t be undone, but you can add the milestone again.</p>
          </>
        ),
      }}
    >
      <time dateTime={milestone.date} className="w-28 shrink-0 font-mono text-sm tabular-nums text-muted" data-testid="milestone-date">
        {milestone.date}
      </time>
      <span id={itemNameId("milestone", milestone.id)} className="min-w-0 flex-1 break-words font-medium" data-testid="milestone-name">
        {milestone.name}
      </span>
    </SiteItemRow>
  );
}

/** A site's milestones, newest first, with add, edit and delete for editors. */
export function MilestonesManager({ siteId, siteName, canEdit, initialMilestones, today }: Props) {
  return (
    <SiteItemsManager
      query={milestonesQuery(siteId)}
      initialItems={initialMilestones}
      sort={sortMilestones}
      title={`Milestones of ${siteName}`}
      countNote=", newest first"
      what="the milestones"
      empty="No milestones yet."
      emptyHint="Add one above: it shows as a marker on every timeline of this site."
      canEdit={canEdit}
      create={{ title: "Add a milestone", form: (hooks) => <AddMilestone siteId={siteId} hooks={hooks} /> }}
      row={(milestone, hooks) => <MilestoneRow siteId={siteId} milestone={milestone} canEdit={canEdit} hooks={hooks} today={today} />}
    />
  );
}
