"use client";
import { Dialog } from "radix-ui";
import { useState } from "react";
import { Notice } from "@/components/ui/notice";
import { dialogPanelClass, overlayClass } from "@/components/ui/confirm-delete-dialog";
import { MilestoneForm, type MilestoneDraft } from "./milestone-form";
import { useCreateMilestone } from "./milestone-queries";
import { fieldsOf } from "@/components/site-writes/write-messages";

type Props = {
  siteId: string;
  /** The day clicked on the chart, `YYYY-MM-DD` (the site's calendar); the form starts on it. */
  date: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Called with the milestone once Fathom has it. */
  onAdded?: (milestone: { id: string; name: string; date: string }) => void;
};

function AddMilestoneForm({ siteId, date, onOpenChange, onAdded }: Omit<Props, "open">) {
  const [draft, setDraft] = useState<MilestoneDraft>({ name: "", milestone_date: date });
  const create = useCreateMilestone(siteId);
  return (
    <>
      {create.error ? (
        <Notice tone="error">
          Could not add the milestone. {create.error.message} Nothing was changed.
        </Notice>
      ) : null}
      <MilestoneForm
        draft={draft}
        onDraftChange={setDraft}
        submitLabel={create.isPending ? "Adding…" : "Add milestone"}
        pending={create.isPending}
        autoFocus
        stacked
        serverFields={fieldsOf(create.error)}
        onCancel={() => onOpenChange(false)}
        onSubmit={(input) =>
          create.mutate(input, {
            onSuccess: (milestone) => {
              onAdded?.(milestone);
              onOpenChange(false);
            },
          })
        }
      />
    </>
  );
}

/**
 * "Add milestone here": a dialog opened from a chart's day, with the date filled in. The new marker
 * shows on the site's cached charts at once and stays once Fathom has it; a refusal is shown here, with
 * Fathom's messages beside the fields, and the marker goes away again.
 */
export function AddMilestoneDialog({ siteId, date, open, onOpenChange, onAdded }: Props) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className={overlayClass} />
        <Dialog.Content className={dialogPanelClass}>
          <Dialog.Title className="text-lg font-semibold">Add milestone here</Dialog.Title>
          <Dialog.Description className="text-sm text-muted">
            A milestone marks {date} on every timeline of this site. Names are at most 30 characters.
          </Dialog.Description>
          {/* Keyed by date so a click on another day starts a fresh form. */}
          {open ? <AddMilestoneForm key={date} siteId={siteId} date={date} onOpenChange={onOpenChange} onAdded={onAdded} /> : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
