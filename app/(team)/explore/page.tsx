import { redirect } from "next/navigation";
import { BrokenReportUrl } from "@/components/query-builder/broken-report-url";
import { ExploreWorkspace } from "@/components/query-builder/explore-workspace";
import { reportUrlState } from "@/components/query-builder/report-url-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { savedReportExploreHref } from "@/lib/reports/report-links";
import { loadEditedReport } from "./load-edited-report";
import { loadExploreSites } from "./load-explore-sites";

export const metadata = { title: "Explore" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const header = <PageHeader title="Explore" description="Build any report the Fathom API can answer." />;

/**
 * The report builder. The URL is the report: it is decoded here with the codec (a bare /explore is the
 * first site's default report) and handed to the browser, which runs it and keeps the URL in step.
 * `?report=12` names the saved report being edited: its query is in the rest of the URL (a bare
 * `?report=12` is sent on to the full address), and the save bar compares the builder with it.
 */
export default async function ExplorePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const params = await searchParams;
  const [loaded, edited] = await Promise.all([loadExploreSites(), loadEditedReport(params.report)]);
  const onlyReport = Object.keys(params).every((key) => key === "report");
  if (edited.report?.query && onlyReport) redirect(savedReportExploreHref(edited.report.id, edited.report.query));

  if ("error" in loaded) {
    const tokenProblem = loaded.error.code === "fathom_unauthorized" || loaded.error.code === "fathom_token_unreadable";
    return (
      <>
        {header}
        <Notice tone="error" className="max-w-2xl">
          <p className="font-medium">The sites could not be loaded. {loaded.error.message}</p>
          <p className="mt-1">
            {tokenProblem && user.role === "admin" ? (
              <a href="/settings/connection" className="underline">
                Check the Fathom connection
              </a>
            ) : tokenProblem ? (
              "Ask an admin to check the Fathom connection in Settings."
            ) : (
              <>
                <a href="/explore" className="underline">
                  Try again
                </a>
                {loaded.error.retryAfter !== undefined ? ` in ${loaded.error.retryAfter} s.` : " in a moment."}
              </>
            )}
          </p>
        </Notice>
      </>
    );
  }

  const { sites } = loaded;
  if (sites.length === 0) {
    return (
      <>
        {header}
        <Notice className="max-w-2xl">Your Fathom account has no sites yet. Add one in Fathom, then come back here.</Notice>
      </>
    );
  }

  const decoded = reportUrlState(params, sites[0]!.id);
  if (!decoded.ok) {
    return (
      <>
        {header}
        <BrokenReportUrl errors={decoded.errors} />
      </>
    );
  }
  const canEdit = hasRole(user.role, "editor");
  return <ExploreWorkspace sites={sites} initialQuery={decoded.query} canAddMilestones={canEdit} saving={{ canSave: canEdit, ...edited }} />;
}
