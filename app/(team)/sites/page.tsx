import { SiteDirectoryView } from "@/components/sites/site-directory-view";
import { SitesError } from "@/components/sites/sites-error";
import { PageHeader } from "@/components/ui/page-header";
import { isApiError, isConvertibleToApiError, type ApiErrorBody } from "@/lib/api/errors";
import { logError } from "@/lib/api/log";
import { requireUser } from "@/lib/auth/guard";
import { loadSiteDirectory } from "@/lib/fathom/site-directory";
import type { SiteDirectoryEntry } from "@/lib/sites/site-directory-entry";
import { governedFathom } from "@/lib/governor/governed-fathom";

export const metadata = { title: "Sites" };

async function load(): Promise<{ sites: SiteDirectoryEntry[] } | { error: ApiErrorBody["error"] }> {
  try {
    return { sites: await loadSiteDirectory((await governedFathom()).directorySource()) };
  } catch (error) {
    if (isApiError(error)) return { error: error.toBody().error };
    if (isConvertibleToApiError(error)) return { error: error.toApiError().toBody().error };
    logError("Loading the site directory", error);
    return { error: { code: "internal_error", message: "Something went wrong on our side." } };
  }
}

export default async function SitesPage() {
  const user = await requireUser();
  const result = await load();
  return (
    <>
      <PageHeader title="Sites" description="The sites of your Fathom account, with their events and milestones." />
      {"error" in result ? <SitesError error={result.error} isAdmin={user.role === "admin"} /> : <SiteDirectoryView sites={result.sites} />}
    </>
  );
}
