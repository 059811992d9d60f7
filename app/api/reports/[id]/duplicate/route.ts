import { z } from "zod";
import { route } from "@/lib/api/route";
import { savedReportIdSchema } from "@/lib/reports/saved-report";
import { duplicateSavedReport } from "@/lib/reports/saved-reports-service";

/** `POST /api/reports/[id]/duplicate`: a new report, "Copy of <name>", owned by the caller: 201. */
export const POST = route({ access: "editor", params: z.object({ id: savedReportIdSchema }), status: 201 }, ({ user, params }) =>
  duplicateSavedReport(user, params.id),
);
