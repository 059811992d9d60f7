import { EventsManager } from "@/components/events/events-manager";
import { SiteSectionPage } from "@/components/sites/site-section-page";
import { listEvents } from "@/lib/sites/site-lists";

export const metadata = { title: "Events" };

export default async function EventsPage({ params }: { params: Promise<{ siteId: string }> }) {
  const { siteId } = await params;
  return (
    <SiteSectionPage
      siteId={siteId}
      title="Events"
      load={async (fathom) => (await listEvents(siteId, fathom)).events}
      description={(site) => (
        <>
          What event reports are about on {site.name} (<code className="font-mono">{site.id}</code>).
        </>
      )}
      across={{ page: "milestones", label: "Milestones of this site" }}
    >
      {({ site, items, canEdit }) => <EventsManager siteId={site.id} siteName={site.name} canEdit={canEdit} initialEvents={items} />}
    </SiteSectionPage>
  );
}
