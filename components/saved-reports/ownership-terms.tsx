import type { SavedReport } from "@/lib/reports/saved-report";
import { RelativeTime } from "./relative-time";

type Props = {
  /** Who owns the report, who changed it last and when. */
  report: Pick<SavedReport, "owner" | "updatedBy" | "updatedAt">;
  /** The server's clock when the page was rendered ("3 h ago"). */
  now: string;
};

/**
 * The "Owner" and "Last change" terms of a report's details list (`<dl>`), shared by the Reports page's
 * rows and the report's own page so both say who owns and last changed it in the same words.
 */
export function OwnershipTerms({ report, now }: Props) {
  return (
    <>
      <dt className="text-muted">Owner</dt>
      <dd>{report.owner.name}</dd>
      <dt className="text-muted">Last change</dt>
      <dd>
        <RelativeTime iso={report.updatedAt} now={now} /> by {report.updatedBy.name}
      </dd>
    </>
  );
}
