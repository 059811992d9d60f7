import { z } from "zod";
import { route } from "@/lib/api/route";
import { savedReportIdSchema } from "@/lib/reports/saved-report";
import { undeleteSavedReport } from "@/lib/reports/saved-reports-service";

/** `POST /api/reports/[id]/undelete`: the undo of a delete (the notice's "Undo"). */
export const POST = route({ access: "editor", params: z.object({ id: savedReportIdSchema }) }, ({ user, params }) =>
  undeleteSavedReport(user, params.id),
);
