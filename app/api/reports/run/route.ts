import { ApiError } from "@/lib/api/errors";
import { route } from "@/lib/api/route";
import { fathomReportProvider } from "@/lib/fathom/report-provider";
import { unsafePatternError } from "@/lib/query/regex-safety";
import { decodeReportQuery } from "@/lib/query/url-codec";
import { runReport } from "@/lib/reports/run-report";

/**
 * `GET /api/reports/run?site=…&range=…` (the URL codec's parameters, and `solo=1` for a report asked on
 * its own, which then does not wait to be folded with a dashboard's other tiles): the report's rows, totals,
 * comparison, currency and milestones, from Fathom through the governor. A broken query is a 400 with a
 * message per control; so is a pattern that could backtrack catastrophically (`unsafe_pattern`), before
 * any budget is spent.
 */
export const GET = route({ access: "viewer" }, async ({ request }) => {
  const decoded = decodeReportQuery(request.nextUrl.searchParams);
  if (!decoded.ok) {
    const [path, messages] = Object.entries(decoded.errors)[0] ?? ["_", ["This report is not valid."]];
    throw new ApiError(400, "invalid_query", `${path === "_" ? "" : `${path}: `}${messages[0]}`, { fields: decoded.errors });
  }
  // The governor refuses these too; checked here first so the builder gets its own code and a headline naming the filter.
  const unsafe = unsafePatternError(decoded.query.filters);
  if (unsafe) throw unsafe;
  // `solo=1`: Explore or a report's page, asking this one report alone (no dashboard tiles to fold it with).
  const solo = request.nextUrl.searchParams.get("solo") === "1";
  return runReport(decoded.query, { provider: await fathomReportProvider(), now: new Date(), solo });
});
