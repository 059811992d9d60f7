import { route } from "@/lib/api/route";
import { fathomReportProvider } from "@/lib/fathom/report-provider";
import { unsafePatternError } from "@/lib/query/regex-safety";
import { reportQueryOf } from "@/lib/reports/report-request";
import { runReport } from "@/lib/reports/run-report";

/**
 * `GET /api/reports/run?site=…&range=…` (the URL codec's parameters, and `solo=1` for a report asked on
 * its own, which then does not wait to be folded with a dashboard's other tiles): the report's rows, totals,
 * comparison, currency and milestones, from Fathom through the governor. A broken query is a 400 with a
 * message per control; so is a pattern that could backtrack catastrophically (`unsafe_pattern`), before
 * any budget is spent.
 */
export const GET = route({ access: "viewer" }, async ({ request }) => {
  const query = reportQueryOf(request.nextUrl.searchParams);
  // The governor refuses these too; checked here first so the builder gets its own code and a headline naming the filter.
  const unsafe = unsafePatternError(query.filters);
  if (unsafe) throw unsafe;
  // `solo=1`: Explore or a report's page, asking this one report alone (no dashboard tiles to fold it with).
  const solo = request.nextUrl.searchParams.get("solo") === "1";
  return runReport(query, { provider: await fathomReportProvider(), now: new Date(), solo });
});
