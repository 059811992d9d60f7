import { route } from "@/lib/api/route";
import { newSavedReportSchema } from "@/lib/reports/saved-report";
import { createSavedReport, listSavedReports } from "@/lib/reports/saved-reports-service";

/** `GET /api/reports`: every saved report not deleted, the latest change first, for any signed-in role. */
export const GET = route({ access: "viewer" }, async () => ({ reports: await listSavedReports() }));

/** `POST /api/reports`: saves a new report (Explore's "Save" and "Save as new"), editors and admins: 201. */
export const POST = route({ access: "editor", body: newSavedReportSchema, status: 201 }, ({ user, body }) => createSavedReport(user, body));
