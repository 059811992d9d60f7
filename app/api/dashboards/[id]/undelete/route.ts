import { z } from "zod";
import { route } from "@/lib/api/route";
import { dashboardIdSchema } from "@/lib/dashboards/dashboard";
import { undeleteDashboard } from "@/lib/dashboards/dashboards-service";

/** `POST /api/dashboards/[id]/undelete`: the undo of a delete. */
export const POST = route({ access: "editor", params: z.object({ id: dashboardIdSchema }) }, ({ user, params }) =>
  undeleteDashboard(user, params.id),
);
