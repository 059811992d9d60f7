import { z } from "zod";
import { route } from "@/lib/api/route";
import { idSchema } from "@/lib/fathom/values";
import { milestoneInputSchema } from "@/lib/sites/milestone-input";
import { deleteMilestone, updateMilestone } from "@/lib/sites/milestone-writes";

const params = z.object({ siteId: idSchema("site"), milestoneId: idSchema("milestone") });

/** Renames and/or moves a milestone: Fathom needs both the name and the date every time. */
export const PATCH = route({ access: "editor", params, body: milestoneInputSchema }, ({ params, body, user }) =>
  updateMilestone(user, params.siteId, params.milestoneId, body),
);

export const DELETE = route({ access: "editor", params }, ({ params, user }) => deleteMilestone(user, params.siteId, params.milestoneId));
