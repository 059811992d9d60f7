import Link from "next/link";
import { SavedReportsBrowser } from "@/components/saved-reports/saved-reports-browser";
import { listOptionsSearch, readListOptions } from "@/components/saved-reports/report-list-options";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { listSavedReports } from "@/lib/reports/saved-reports-service";
import { loadReportSites } from "./load-report-sites";

export const metadata = { title: "Reports" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * Every saved report of the team, with its site, owner, last change and headline figure; search, filters
 * and sort are in the address (`/reports?q=blog&site=CDBUGS&sort=name`), read here for the first render.
 */
export default async function ReportsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const [params, reports, sites] = await Promise.all([searchParams, listSavedReports(), loadReportSites()]);
  const canEdit = hasRole(user.role, "editor");
  const siteNames = sites ? Object.fromEntries(sites.map((site) => [site.id, site.name])) : null;
  return (
    <>
      <PageHeader
        title="Reports"
        description="The team's saved reports. Open one to see it, its history, and to edit it in Explore."
        actions={
          <>
            <Link href="/dashboards" className={buttonClass("secondary")}>
              Dashboards
            </Link>
            {canEdit ? (
              <a href="/explore" className={buttonClass("primary")}>
                New report
              </a>
            ) : null}
          </>
        }
      />
      {siteNames === null && reports.length > 0 ? (
        <Notice tone="warn" className="mb-4">
          Site names could not be read from Fathom just now, so sites show by their id. Reload in a moment.
        </Notice>
      ) : null}
      <SavedReportsBrowser
        initialReports={reports}
        siteNames={siteNames}
        canEdit={canEdit}
        initialSearch={listOptionsSearch(readListOptions(params))}
        now={new Date().toISOString()}
      />
    </>
  );
}
