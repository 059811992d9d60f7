import { EventsManager } from "@/components/events/events-manager";
import { SiteSectionError, SiteSectionHeader } from "@/components/sites/site-section-header";
import { requireUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { loadSiteSection } from "@/lib/sites/load-site-section";
import { listEvents } from "@/lib/sites/site-lists";

export const metadata = { title: "Events" };

export default async function EventsPage({ params }: { params: Promise<{ siteId: string }> }) {
  const user = await requireUser();
  const { siteId } = await params;
  const section = await loadSiteSection(siteId, async (fathom) => (await listEvents(siteId, fathom)).events);
  if ("error" in section) return <SiteSectionError title="Events" error={section.error} isAdmin={user.role === "admin"} />;
  const { site, items } = section;
  return (
    <>
      <SiteSectionHeader
        site={site}
        title="Events"
        description={
          <>
            What event reports are about on {site.name} (<code className="font-mono">{site.id}</code>).
          </>
        }
        across={{ href: `/sites/${encodeURIComponent(site.id)}/milestones`, label: "Milestones of this site" }}
      />
      <EventsManager siteId={site.id} siteName={site.name} canEdit={hasRole(user.role, "editor")} initialEvents={items} />
    </>
  );
}
