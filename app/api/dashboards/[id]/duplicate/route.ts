import { z } from "zod";
import { route } from "@/lib/api/route";
import { dashboardIdSchema } from "@/lib/dashboards/dashboard";
import { duplicateDashboard } from "@/lib/dashboards/dashboards-service";

/** `POST /api/dashboards/[id]/duplicate`: a new dashboard, "Copy of <name>", with the same tiles: 201. */
export const POST = route({ access: "editor", params: z.object({ id: dashboardIdSchema }), status: 201 }, ({ user, params }) =>
  duplicateDashboard(user, params.id),
);
