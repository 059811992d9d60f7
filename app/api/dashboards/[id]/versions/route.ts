import { z } from "zod";
import { route } from "@/lib/api/route";
import { dashboardIdSchema } from "@/lib/dashboards/dashboard";
import { dashboardHistory } from "@/lib/dashboards/dashboards-service";

/** `GET /api/dashboards/[id]/versions`: every version, newest first. */
export const GET = route({ access: "viewer", params: z.object({ id: dashboardIdSchema }) }, async ({ params }) => ({
  versions: await dashboardHistory(params.id),
}));
