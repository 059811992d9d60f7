import { ApiError } from "@/lib/api/errors";
import { route } from "@/lib/api/route";
import { governedFathom } from "@/lib/governor/governed-fathom";
import { decodeReportQuery } from "@/lib/query/url-codec";
import { runReport } from "@/lib/reports/run-report";

/**
 * `GET /api/reports/run?site=…&range=…` (the URL codec's parameters): the report's rows, totals,
 * comparison and milestones, through the governor. A broken query is a 400 with a message per control.
 */
export const GET = route({ access: "viewer" }, async ({ request }) => {
  const decoded = decodeReportQuery(request.nextUrl.searchParams);
  if (!decoded.ok) {
    const [path, messages] = Object.entries(decoded.errors)[0] ?? ["_", ["This report is not valid."]];
    throw new ApiError(400, "invalid_query", `${path === "_" ? "" : `${path}: `}${messages[0]}`, { fields: decoded.errors });
  }
  return runReport(decoded.query, { source: await governedFathom(), now: new Date() });
});
