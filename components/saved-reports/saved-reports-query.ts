/**
 * The saved-report list as one react-query entry: the Reports page starts from the list the server
 * rendered (initial data) and reads it again after each change, so a rename or an undo by someone else
 * shows up too. One factory, so every reader and writer uses the same key.
 */
import { queryOptions } from "@tanstack/react-query";
import { listSavedReportsRequest } from "./saved-report-requests";

export function savedReportsQueryOptions() {
  return queryOptions({
    queryKey: ["saved-reports", "list"] as const,
    queryFn: ({ signal }) => listSavedReportsRequest(signal),
    staleTime: 30_000,
  });
}
