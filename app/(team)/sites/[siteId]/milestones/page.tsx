import Link from "next/link";
import { MilestonesManager } from "@/components/milestones/milestones-manager";
import { toMilestoneView } from "@/lib/sites/milestone-input";
import { SitesError } from "@/components/sites/sites-error";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { loadSiteSection } from "./load-site";

export const metadata = { title: "Milestones" };

export default async function MilestonesPage({ params }: { params: Promise<{ siteId: string }> }) {
  const user = await requireUser();
  const { siteId } = await params;
  const section = await loadSiteSection(siteId, async (fathom) => (await fathom.listAllMilestones(siteId)).data.map(toMilestoneView));
  if ("error" in section) {
    return (
      <>
        <PageHeader title="Milestones" />
        <SitesError error={section.error} isAdmin={user.role === "admin"} />
      </>
    );
  }
  const { site, items } = section;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-muted">
        <Link href="/sites" className="hover:underline">
          Sites
        </Link>{" "}
        / {site.name}
      </nav>
      <PageHeader
        title="Milestones"
        description={
          <>
            Dates marked on every timeline of {site.name} (<code className="font-mono">{site.id}</code>, {site.timezone}).
          </>
        }
        actions={
          <Link href={`/sites/${encodeURIComponent(site.id)}/events`} className="text-sm text-accent hover:underline">
            Events of this site
          </Link>
        }
      />
      <MilestonesManager
        siteId={site.id}
        siteName={site.name}
        canEdit={hasRole(user.role, "editor")}
        initialMilestones={items}
        today={site.today}
      />
    </>
  );
}
