import { z } from "zod";
import { route } from "@/lib/api/route";
import { dashboardChangeSchema, dashboardIdSchema } from "@/lib/dashboards/dashboard";
import { changeDashboard, DASHBOARD_MAX_BODY_BYTES, deleteDashboard, getDashboard } from "@/lib/dashboards/dashboards-service";

const params = z.object({ id: dashboardIdSchema });

/** `GET /api/dashboards/[id]`: `{ dashboard, reports }`, the saved reports its tiles show included. */
export const GET = route({ access: "viewer", params }, ({ params }) => getDashboard(params.id));

/** `PATCH /api/dashboards/[id]`: a new version (409 when `baseVersion` is stale, 400 `unknown_report` for a new tile of a missing report). */
export const PATCH = route({ access: "editor", params, body: dashboardChangeSchema, maxBodyBytes: DASHBOARD_MAX_BODY_BYTES }, ({ user, params, body }) =>
  changeDashboard(user, params.id, body),
);

/** `DELETE /api/dashboards/[id]`: a soft delete, undone by `POST /api/dashboards/[id]/undelete`. */
export const DELETE = route({ access: "editor", params }, ({ user, params }) => deleteDashboard(user, params.id));
