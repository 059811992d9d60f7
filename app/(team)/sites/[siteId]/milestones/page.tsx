import { MilestonesManager } from "@/components/milestones/milestones-manager";
import { SiteSectionError, SiteSectionHeader } from "@/components/sites/site-section-header";
import { requireUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { loadSiteSection } from "@/lib/sites/load-site-section";
import { listMilestones } from "@/lib/sites/site-lists";

export const metadata = { title: "Milestones" };

export default async function MilestonesPage({ params }: { params: Promise<{ siteId: string }> }) {
  const user = await requireUser();
  const { siteId } = await params;
  const section = await loadSiteSection(siteId, async (fathom) => (await listMilestones(siteId, fathom)).milestones);
  if ("error" in section) return <SiteSectionError title="Milestones" error={section.error} isAdmin={user.role === "admin"} />;
  const { site, items } = section;
  return (
    <>
      <SiteSectionHeader
        site={site}
        title="Milestones"
        description={
          <>
            Dates marked on every timeline of {site.name} (<code className="font-mono">{site.id}</code>, {site.timezone}).
          </>
        }
        across={{ href: `/sites/${encodeURIComponent(site.id)}/events`, label: "Events of this site" }}
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
