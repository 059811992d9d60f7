import { notFound } from "next/navigation";
import Link from "next/link";
import { cache } from "react";
import { CopyLinkButton } from "@/components/query-builder/copy-link-button";
import { diagnoseSavedReport } from "@/components/saved-reports/diagnose-report";
import { OwnershipTerms } from "@/components/saved-reports/ownership-terms";
import { ReportProblem } from "@/components/saved-reports/report-problem";
import { SavedReportView } from "@/components/saved-reports/saved-report-view";
import { VersionHistory, type HistoryEntry } from "@/components/saved-reports/version-history";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { isApiError } from "@/lib/api/errors";
import { requireUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { upgradeReportQuery } from "@/lib/query/query-upgrade";
import { describeChanges } from "@/lib/reports/describe-changes";
import { savedReportExploreHref } from "@/lib/reports/report-links";
import { savedReportIdSchema, type SavedReport } from "@/lib/reports/saved-report";
import { getSavedReport, savedReportHistory } from "@/lib/reports/saved-reports-service";
import { loadReportSites, loadSiteEvents } from "../load-report-sites";

type Params = Promise<{ id: string }>;

/** One read per request: the title and the page ask for the same report. */
const loadReport = cache(getSavedReport);

/** The report, or Next's 404 for an id that is not one (`abc`, `0`, `-1`) or a report that is not there. */
async function readReport(param: string): Promise<SavedReport> {
  const id = savedReportIdSchema.safeParse(param);
  if (!id.success) notFound();
  try {
    return await loadReport(id.data);
  } catch (error) {
    if (isApiError(error) && error.status === 404) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Params }) {
  const id = savedReportIdSchema.safeParse((await params).id);
  if (!id.success) return { title: "Report not found" };
  try {
    return { title: (await loadReport(id.data)).name };
  } catch {
    return { title: "Report not found" };
  }
}

/**
 * A saved report at its own stable address, read-only for everyone signed in: its figures (run in its
 * site's timezone), who owns it and who changed it last, "Edit in Explore" for editors, and its history
 * with Restore. A report that cannot be shown as saved (a query that no longer reads, a site or event
 * gone from Fathom) opens with what is wrong and how to fix it.
 */
export default async function SavedReportPage({ params }: { params: Params }) {
  const user = await requireUser();
  const report = await readReport((await params).id);
  const canEdit = hasRole(user.role, "editor");
  const read = upgradeReportQuery(report.query);
  const [versions, sites, events] = await Promise.all([
    savedReportHistory(report.id),
    loadReportSites(),
    read.ok && read.query.entity === "event" ? loadSiteEvents(read.query.site) : Promise.resolve(null),
  ]);
  const diagnosis = diagnoseSavedReport(report, sites, events);
  const siteName = (id: string) => sites?.find((site) => site.id === id)?.name;
  const now = new Date().toISOString();

  const entries: HistoryEntry[] = versions.map((version, index) => ({
    version: version.version,
    who: version.createdBy.name,
    createdAt: version.createdAt,
    changes: describeChanges(version, versions[index + 1], { siteName }),
  }));

  return (
    <>
      <PageHeader
        title={report.name}
        description={report.description || undefined}
        actions={
          // Wraps at phone width: four actions do not fit on one line there.
          <div className="flex flex-wrap gap-2">
            <Link href="/reports" className={buttonClass("ghost")}>
              All reports
            </Link>
            {canEdit && diagnosis.ok ? (
              <a href={savedReportExploreHref(report.id, diagnosis.query)} className={buttonClass("primary")}>
                Edit in Explore
              </a>
            ) : null}
            {canEdit ? (
              <Link href={`/settings/shares/new?target=report:${report.id}`} className={buttonClass("secondary")}>
                Share with a client…
              </Link>
            ) : null}
            <CopyLinkButton href={`/reports/${report.id}`} />
          </div>
        }
      />
      <dl className="mb-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr_auto_1fr]">
        <dt className="text-muted">Site</dt>
        <dd>{siteName(report.siteId) ?? report.siteId}</dd>
        <OwnershipTerms report={report} now={now} />
        <dt className="text-muted">Version</dt>
        <dd>{report.version}</dd>
      </dl>
      <div className="flex flex-col gap-8">
        {diagnosis.ok ? (
          <SavedReportView reportId={report.id} query={diagnosis.query} timezone={diagnosis.site?.timezone ?? null} />
        ) : (
          <ReportProblem diagnosis={diagnosis} reportId={report.id} name={report.name} canEdit={canEdit} hasOlderVersions={versions.length > 1} />
        )}
        <VersionHistory reportId={report.id} entries={entries} currentVersion={report.version} canRestore={canEdit} now={now} />
      </div>
    </>
  );
}
