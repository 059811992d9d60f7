import { z } from "zod";
import { route } from "@/lib/api/route";
import { savedReportChangeSchema, savedReportIdSchema } from "@/lib/reports/saved-report";
import { changeSavedReport, deleteSavedReport, getSavedReport } from "@/lib/reports/saved-reports-service";

const params = z.object({ id: savedReportIdSchema });

/** `GET /api/reports/[id]`: the saved report; 404 when unknown or deleted. */
export const GET = route({ access: "viewer", params }, ({ params }) => getSavedReport(params.id));

/** `PATCH /api/reports/[id]`: a new version (409 when `baseVersion` is stale; a change to nothing is no version). */
export const PATCH = route({ access: "editor", params, body: savedReportChangeSchema }, ({ user, params, body }) =>
  changeSavedReport(user, params.id, body),
);

/** `DELETE /api/reports/[id]`: a soft delete, undone by `POST /api/reports/[id]/undelete`. */
export const DELETE = route({ access: "editor", params }, ({ user, params }) => deleteSavedReport(user, params.id));
