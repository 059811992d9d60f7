import { z } from "zod";
import { milestoneInputSchema, toMilestoneView } from "@/lib/sites/milestone-input";
import { route } from "@/lib/api/route";
import { auditLog } from "@/lib/audit/audit-log";
import { milestoneCreated } from "@/lib/audit/summaries";
import { idSchema } from "@/lib/fathom/values";
import { governedFathom } from "@/lib/governor/governed-fathom";

const params = z.object({ siteId: idSchema("site") });

/** Every milestone of the site (all pages), from the governor's list cache. */
export const GET = route({ access: "viewer", params }, async ({ params }) => {
  const fathom = await governedFathom();
  const { data, meta } = await fathom.listAllMilestones(params.siteId);
  return { milestones: data.map(toMilestoneView), meta };
});

/**
 * Creates a milestone (editors and admins, same-origin). The body is checked against Fathom's rules
 * before anything is sent; the write is audited and drops the cached milestone list.
 */
export const POST = route({ access: "editor", params, body: milestoneInputSchema }, async ({ params, body, user }) => {
  const [fathom, log] = await Promise.all([governedFathom(), auditLog()]);
  const milestone = await log.audited(
    { actor: user, action: "milestone.create", siteId: params.siteId, summary: milestoneCreated(body), intent: body },
    () => fathom.createMilestone(params.siteId, body),
    (created) => ({ targetId: created.id, after: { name: created.name, milestone_date: created.milestone_date } }),
  );
  return Response.json({ milestone: toMilestoneView(milestone) }, { status: 201, headers: { "Cache-Control": "no-store" } });
});
