import { SiteDirectoryView } from "@/components/sites/site-directory-view";
import { SitesError } from "@/components/sites/sites-error";
import { PageHeader } from "@/components/ui/page-header";
import type { ApiErrorBody } from "@/lib/api/errors";
import { toApiError } from "@/lib/api/to-api-error";
import { requireUser } from "@/lib/auth/guard";
import { loadSiteDirectory } from "@/lib/fathom/site-directory";
import type { SiteDirectoryEntry } from "@/lib/sites/site-directory-entry";
import { governedFathom } from "@/lib/governor/governed-fathom";

export const metadata = { title: "Sites" };

async function load(): Promise<{ sites: SiteDirectoryEntry[] } | { error: ApiErrorBody["error"] }> {
  try {
    return { sites: await loadSiteDirectory((await governedFathom()).directorySource()) };
  } catch (error) {
    return { error: toApiError(error, "Loading the site directory").toBody().error };
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
