import "server-only";
import { auditLog, type AuditActor } from "@/lib/audit/audit-log";
import { milestoneCreated, milestoneDeleted, milestoneUpdated } from "@/lib/audit/summaries";
import { governedFathom } from "@/lib/governor/governed-fathom";
import { prepareItemWrite, type Deleted } from "./item-write";
import { toMilestoneView, type MilestoneInput, type MilestoneView } from "./milestone-input";

/** What Sounding's API answers to a milestone create or update. */
export type MilestoneAnswer = { milestone: MilestoneView };

/** What the settled audit entry keeps of the milestone Fathom answered with. */
const settled = (milestone: { name: string; milestone_date: string }) => ({ after: { name: milestone.name, milestone_date: milestone.milestone_date } });

/**
 * Creates a milestone in Fathom, audited; the governor drops the site's cached milestone list. The input is
 * already checked against Fathom's rules (./milestone-input.ts), so nothing is spent on a bad one.
 */
export async function createMilestone(actor: AuditActor, siteId: string, input: MilestoneInput): Promise<MilestoneAnswer> {
  const [fathom, log] = await Promise.all([governedFathom(), auditLog()]);
  const milestone = await log.audited(
    { actor, action: "milestone.create", siteId, summary: milestoneCreated(input), intent: input },
    () => fathom.createMilestone(siteId, input),
    (created) => ({ targetId: created.id, ...settled(created) }),
  );
  return { milestone: toMilestoneView(milestone) };
}

/** Renames and/or moves a milestone: Fathom needs both the name and the date every time. */
export async function updateMilestone(actor: AuditActor, siteId: string, milestoneId: string, input: MilestoneInput): Promise<MilestoneAnswer> {
  const { fathom, log, before } = await prepareItemWrite(milestoneId, (client) => client.listAllMilestones(siteId));
  const milestone = await log.audited(
    { actor, action: "milestone.update", siteId, targetId: milestoneId, summary: milestoneUpdated(before, input), intent: input },
    () => fathom.updateMilestone(siteId, milestoneId, input),
    settled,
  );
  return { milestone: toMilestoneView(milestone) };
}

/** Deletes a milestone (the traffic data is not affected), audited by its name when it was listed. */
export async function deleteMilestone(actor: AuditActor, siteId: string, milestoneId: string): Promise<Deleted> {
  const { fathom, log, before } = await prepareItemWrite(milestoneId, (client) => client.listAllMilestones(siteId));
  await log.audited(
    { actor, action: "milestone.delete", siteId, targetId: milestoneId, summary: milestoneDeleted(before, milestoneId) },
    () => fathom.deleteMilestone(siteId, milestoneId),
  );
  return { deleted: true, id: milestoneId };
}
