import { z } from "zod";
import { route } from "@/lib/api/route";
import { savedReportIdSchema } from "@/lib/reports/saved-report";
import { savedReportHistory } from "@/lib/reports/saved-reports-service";

/** `GET /api/reports/[id]/versions`: every version, newest first. */
export const GET = route({ access: "viewer", params: z.object({ id: savedReportIdSchema }) }, async ({ params }) => ({
  versions: await savedReportHistory(params.id),
}));
