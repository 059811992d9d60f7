import { route } from "@/lib/api/route";
import { newDashboardSchema } from "@/lib/dashboards/dashboard";
import { createDashboard, DASHBOARD_MAX_BODY_BYTES, listDashboards } from "@/lib/dashboards/dashboards-service";

/** `GET /api/dashboards`: every dashboard not deleted, the latest change first, for any signed-in role. */
export const GET = route({ access: "viewer" }, async () => ({ dashboards: await listDashboards() }));

/** `POST /api/dashboards`: a new dashboard (400 `unknown_report` for a tile of a missing report): 201. */
export const POST = route({ access: "editor", body: newDashboardSchema, maxBodyBytes: DASHBOARD_MAX_BODY_BYTES, status: 201 }, ({ user, body }) =>
  createDashboard(user, body),
);
