import { z } from "zod";
import { route } from "@/lib/api/route";
import { savedReportIdSchema, versionNumberSchema } from "@/lib/reports/saved-report";
import { restoreSavedReportVersion } from "@/lib/reports/saved-reports-service";

const params = z.object({ id: savedReportIdSchema, version: versionNumberSchema });

/** `POST /api/reports/[id]/versions/[version]/restore`: a new version copying that one. */
export const POST = route({ access: "editor", params }, ({ user, params }) => restoreSavedReportVersion(user, params.id, params.version));
