import { route } from "@/lib/api/route";
import { governedFathom } from "@/lib/governor/governed-fathom";
import { getGovernor } from "@/lib/governor/process-governor";
import { unsafePatternError } from "@/lib/query/regex-safety";
import { reportCost } from "@/lib/reports/report-cost";
import { reportQueryOf } from "@/lib/reports/report-request";

/**
 * `GET /api/reports/cost?site=…&range=…` (the URL codec's parameters): what running the report now would
 * cost in Fathom requests, and what is left of the budget, without asking Fathom anything (kept answers only).
 * The builder shows it beside Run. A broken query is a 400, as for the run.
 */
export const GET = route({ access: "viewer" }, async ({ request }) => {
  const query = reportQueryOf(request.nextUrl.searchParams);
  const unsafe = unsafePatternError(query.filters);
  if (unsafe) throw unsafe;
  const [reads, governor] = await Promise.all([governedFathom(), getGovernor()]);
  return reportCost(query, { reads, state: await governor.state() });
});
