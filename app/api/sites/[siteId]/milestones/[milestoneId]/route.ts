import { z } from "zod";
import { milestoneInputSchema, toMilestoneView } from "@/lib/sites/milestone-input";
import { route } from "@/lib/api/route";
import { auditLog } from "@/lib/audit/audit-log";
import { milestoneDeleted, milestoneUpdated } from "@/lib/audit/summaries";
import { idSchema } from "@/lib/fathom/values";
import { governedFathom, type GovernedFathom } from "@/lib/governor/governed-fathom";

const params = z.object({ siteId: idSchema("site"), milestoneId: idSchema("milestone") });

/** The milestone as last listed (usually from the cache), for the audit's words; unknown if the list fails. */
async function findListed(fathom: GovernedFathom, siteId: string, milestoneId: string) {
  try {
    return (await fathom.listAllMilestones(siteId)).data.find((milestone) => milestone.id === milestoneId);
  } catch {
    return undefined;
  }
}

/** Renames and/or moves a milestone: Fathom needs both the name and the date every time. */
export const PATCH = route({ access: "editor", params, body: milestoneInputSchema }, async ({ params, body, user }) => {
  const fathom = await governedFathom();
  const [log, before] = await Promise.all([auditLog(), findListed(fathom, params.siteId, params.milestoneId)]);
  const milestone = await log.audited(
    {
      actor: user,
      action: "milestone.update",
      siteId: params.siteId,
      targetId: params.milestoneId,
      summary: milestoneUpdated(before, body),
      intent: body,
    },
    () => fathom.updateMilestone(params.siteId, params.milestoneId, body),
    (updated) => ({ after: { name: updated.name, milestone_date: updated.milestone_date } }),
  );
  return { milestone: toMilestoneView(milestone) };
});

export const DELETE = route({ access: "editor", params }, async ({ params, user }) => {
  const fathom = await governedFathom();
  const [log, before] = await Promise.all([auditLog(), findListed(fathom, params.siteId, params.milestoneId)]);
  await log.audited(
    {
      actor: user,
      action: "milestone.delete",
      siteId: params.siteId,
      targetId: params.milestoneId,
      summary: milestoneDeleted(before, params.milestoneId),
    },
    () => fathom.deleteMilestone(params.siteId, params.milestoneId),
  );
  return { deleted: true, id: params.milestoneId };
});
