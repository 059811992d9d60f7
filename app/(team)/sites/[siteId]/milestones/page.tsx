import { MilestonesManager } from "@/components/milestones/milestones-manager";
import { SiteSectionPage } from "@/components/sites/site-section-page";
import { listMilestones } from "@/lib/sites/site-lists";

export const metadata = { title: "Milestones" };

export default async function MilestonesPage({ params }: { params: Promise<{ siteId: string }> }) {
  const { siteId } = await params;
  return (
    <SiteSectionPage
      siteId={siteId}
      title="Milestones"
      load={async (fathom) => (await listMilestones(siteId, fathom)).milestones}
      description={(site) => (
        <>
          Dates marked on every timeline of {site.name} (<code className="font-mono">{site.id}</code>, {site.timezone}).
        </>
      )}
      across={{ page: "events", label: "Events of this site" }}
    >
      {({ site, items, canEdit }) => (
        <MilestonesManager siteId={site.id} siteName={site.name} canEdit={canEdit} initialMilestones={items} today={site.today} />
      )}
    </SiteSectionPage>
  );
}
