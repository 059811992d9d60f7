import { z } from "zod";
import { route } from "@/lib/api/route";
import { dashboardIdSchema } from "@/lib/dashboards/dashboard";
import { versionNumberSchema } from "@/lib/reports/saved-report";
import { restoreDashboardVersion } from "@/lib/dashboards/dashboards-service";

const params = z.object({ id: dashboardIdSchema, version: versionNumberSchema });

/** `POST /api/dashboards/[id]/versions/[version]/restore`: a new version copying that one, tiles as they were. */
export const POST = route({ access: "editor", params }, ({ user, params }) => restoreDashboardVersion(user, params.id, params.version));
