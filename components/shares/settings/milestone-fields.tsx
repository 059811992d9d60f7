"use client";
import { useQueries } from "@tanstack/react-query";
import { milestonesQuery } from "@/components/milestones/milestone-queries";
import type { MilestoneChoice } from "@/lib/shares/share";
import { Choice, Section } from "./form-controls";
import type { DraftProps } from "./share-draft";

/** A site the shared report (or a report of the shared dashboard) reads, whose milestones may be shown. */
export type TargetSite = { id: string; name: string };

const MODES: { mode: MilestoneChoice["mode"]; label: string }[] = [
  { mode: "none", label: "No milestones" },
  { mode: "all", label: "All milestones" },
  { mode: "chosen", label: "Chosen milestones" },
];

/** None, all, or chosen milestones; the choice lists the milestones of the shared reports' sites, asked for only when needed. */
export function MilestoneFields({ draft, onChange, errors, sites }: DraftProps & { sites: TargetSite[] }) {
  // Every message about the choice is shown on the group: the chosen list may be empty, or still loading.
  const sectionErrors = Object.entries(errors)
    .filter(([path]) => path === "settings.milestones" || path.startsWith("settings.milestones."))
    .flatMap(([, messages]) => messages);
  return (
    <Section legend="Milestones" hint="Milestones are drawn on the client’s charts as markers." errors={sectionErrors}>
      <div className="flex flex-col gap-1">
        {MODES.map(({ mode, label }) => (
          <Choice
            key={mode}
            type="radio"
            name="milestoneMode"
            value={mode}
            label={label}
            checked={draft.milestoneMode === mode}
            onChange={() => onChange({ milestoneMode: mode })}
          />
        ))}
      </div>
      {draft.milestoneMode === "chosen" ? <ChosenMilestones draft={draft} onChange={onChange} sites={sites} /> : null}
    </Section>
  );
}

function ChosenMilestones({ draft, onChange, sites }: Omit<DraftProps, "errors"> & { sites: TargetSite[] }) {
  const lists = useQueries({ queries: sites.map((site) => milestonesQuery(site.id)) });
  const chosen = new Set(draft.milestoneIds);
  const toggle = (id: string, on: boolean) =>
    onChange({ milestoneIds: on ? [...draft.milestoneIds, id] : draft.milestoneIds.filter((other) => other !== id) });
  const listed = new Set(lists.flatMap((list) => (list.data ?? []).map((milestone) => milestone.id)));
  // Chosen once but no longer in Fathom's lists (deleted since): still shown, so they can be unticked.
  const gone = lists.every((list) => list.isSuccess) ? draft.milestoneIds.filter((id) => !listed.has(id)) : [];

  return (
    <div className="flex flex-col gap-3 border-l-2 border-line pl-3" role="group" aria-label="Milestones to show">
      {sites.length === 0 ? <p className="text-sm text-muted">What is shared reads no site any more, so there are no milestones to pick.</p> : null}
      {sites.map((site, index) => {
        const list = lists[index]!;
        return (
          <div key={site.id} className="flex flex-col gap-1">
            {sites.length > 1 ? <p className="text-sm font-medium">{site.name}</p> : null}
            {list.isPending ? <p className="text-sm text-muted" role="status">Loading the milestones of {site.name}…</p> : null}
            {list.isError ? (
              <p className="text-sm text-bad" role="alert">
                The milestones of {site.name} could not be loaded. {list.error.message}
              </p>
            ) : null}
            {list.isSuccess && list.data.length === 0 ? <p className="text-sm text-muted">{site.name} has no milestones.</p> : null}
            {list.data?.map((milestone) => (
              <Choice
                key={milestone.id}
                label={`${milestone.name} (${milestone.date})`}
                checked={chosen.has(milestone.id)}
                onChange={(event) => toggle(milestone.id, event.target.checked)}
              />
            ))}
          </div>
        );
      })}
      {gone.map((id) => (
        <Choice key={id} label={`A milestone no longer in Fathom (${id})`} checked onChange={() => toggle(id, false)} />
      ))}
    </div>
  );
}
