import Link from "next/link";
import { EventsManager } from "@/components/events/events-manager";
import { toEventView } from "@/lib/sites/event-input";
import { SitesError } from "@/components/sites/sites-error";
import { PageHeader } from "@/components/ui/page-header";
import { auditLog } from "@/lib/audit/audit-log";
import { requireUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { loadSiteSection } from "../milestones/load-site";

export const metadata = { title: "Events" };

export default async function EventsPage({ params }: { params: Promise<{ siteId: string }> }) {
  const user = await requireUser();
  const { siteId } = await params;
  const section = await loadSiteSection(siteId, async (fathom) => {
    const [events, currencies] = await Promise.all([fathom.listAllEvents(siteId), (await auditLog()).lastKnownCurrencies(siteId)]);
    return events.data.map((event) => toEventView(event, currencies.get(event.id)));
  });
  if ("error" in section) {
    return (
      <>
        <PageHeader title="Events" />
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
        title="Events"
        description={
          <>
            What event reports are about on {site.name} (<code className="font-mono">{site.id}</code>).
          </>
        }
        actions={
          <Link href={`/sites/${encodeURIComponent(site.id)}/milestones`} className="text-sm text-accent hover:underline">
            Milestones of this site
          </Link>
        }
      />
      <EventsManager siteId={site.id} siteName={site.name} canEdit={hasRole(user.role, "editor")} initialEvents={items} />
    </>
  );
}
