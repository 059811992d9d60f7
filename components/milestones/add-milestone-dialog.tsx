"use client";
import { Dialog } from "radix-ui";
import { useState } from "react";
import type { ChartActionContext } from "@/components/report/chart-action";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { dialogPanelClass, overlayClass } from "@/components/ui/confirm-dialog";
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

/**
 * Explore's action under the time series (the report panel's chart slot): click a day, then "Add
 * milestone here" opens the dialog on that day. Keyboard users get the same dialog from "Add a
 * milestone…", starting on the range's last day. Lives here, with the write, so read-only pages never load it.
 */
export function AddMilestoneFromChart({ siteId, picked, lastDate, clearPick }: ChartActionContext & { siteId: string }) {
  const [open, setOpen] = useState(false);
  const date = picked?.date ?? lastDate;
  return (
    <>
      <div className="flex flex-wrap items-center gap-2 text-sm" aria-live="polite">
        {picked ? (
          <>
            <span className="font-medium">{picked.label}</span>
            <Button onClick={() => setOpen(true)}>Add milestone here</Button>
            <Button variant="ghost" onClick={clearPick}>
              Cancel
            </Button>
          </>
        ) : (
          <>
            <span className="text-muted">Click a day on the chart to mark a milestone there.</span>
            <Button variant="ghost" onClick={() => setOpen(true)} disabled={!lastDate}>
              Add a milestone…
            </Button>
          </>
        )}
      </div>
      {date ? (
        <AddMilestoneDialog
          siteId={siteId}
          date={date}
          open={open}
          onOpenChange={(next) => {
            setOpen(next);
            if (!next) clearPick();
          }}
        />
      ) : null}
    </>
  );
}
