import { z } from "zod";
import { route } from "@/lib/api/route";
import { idSchema } from "@/lib/fathom/values";
import { milestoneInputSchema } from "@/lib/sites/milestone-input";
import { createMilestone } from "@/lib/sites/milestone-writes";
import { listMilestones } from "@/lib/sites/site-lists";

const params = z.object({ siteId: idSchema("site") });

/** Every milestone of the site (all pages), for any signed-in role. */
export const GET = route({ access: "viewer", params }, ({ params }) => listMilestones(params.siteId));

/** Creates a milestone (editors and admins, same-origin), checked against Fathom's rules before anything is sent: 201. */
export const POST = route({ access: "editor", params, body: milestoneInputSchema, status: 201 }, ({ params, body, user }) =>
  createMilestone(user, params.siteId, body),
);
