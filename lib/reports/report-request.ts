import "server-only";
import { ApiError } from "@/lib/api/errors";
import type { ReportQuery } from "@/lib/query/report-query";
import { decodeReportQuery } from "@/lib/query/url-codec";

/** The report a route's search parameters name (the URL codec's); a broken one is a 400 with a message per control. */
export function reportQueryOf(search: URLSearchParams): ReportQuery {
  const decoded = decodeReportQuery(search);
  if (decoded.ok) return decoded.query;
  const [path, messages] = Object.entries(decoded.errors)[0] ?? ["_", ["This report is not valid."]];
  throw new ApiError(400, "invalid_query", `${path === "_" ? "" : `${path}: `}${messages[0]}`, { fields: decoded.errors });
}
