import "server-only";
import { editedReport, type EditedReport } from "@/components/saved-reports/edited-report";
import { isApiError } from "@/lib/api/errors";
import { savedReportIdSchema } from "@/lib/reports/saved-report";
import { getSavedReport } from "@/lib/reports/saved-reports-service";

/** The saved report an Explore address names, read; `missing` when the address names one that is not there. */
export type EditedReportParam = { report: EditedReport | null; missing: boolean };

/**
 * Reads `?report=` for Explore. A value that is not an id, or the id of a report deleted or never made,
 * is "missing" (the page says so and the builder still works), never an error page.
 */
export async function loadEditedReport(param: string | string[] | undefined): Promise<EditedReportParam> {
  if (param === undefined) return { report: null, missing: false };
  const id = savedReportIdSchema.safeParse(Array.isArray(param) ? param[0] : param);
  if (!id.success) return { report: null, missing: true };
  try {
    return { report: editedReport(await getSavedReport(id.data)), missing: false };
  } catch (error) {
    if (isApiError(error) && error.status === 404) return { report: null, missing: true };
    throw error;
  }
}
