import "server-only";
import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import type { GovernedFathom } from "@/lib/governor/governed-fathom";
import { loadSiteSection, type SiteHeading } from "@/lib/sites/load-site-section";
import { SiteSectionError, SiteSectionHeader } from "./site-section-header";

type Props<T> = {
  siteId: string;
  /** The page's heading ("Events"), over its error too. */
  title: string;
  /** The site's list the page is about, read with the client the site was found with. */
  load: (fathom: GovernedFathom) => Promise<T>;
  description: (site: SiteHeading) => ReactNode;
  /** The site's other page, linked from the header. */
  across: { page: "events" | "milestones"; label: string };
  /** The page's body over the list; `canEdit` for editors and admins, who get the forms and buttons. */
  children: (section: { site: SiteHeading; items: T; canEdit: boolean }) => ReactNode;
};

/**
 * A site's own page (its events, its milestones) for the signed-in user: the site and its list under the
 * header, or, when Fathom could not give them, what went wrong. A site the account lacks is a 404.
 */
export async function SiteSectionPage<T>({ siteId, title, load, description, across, children }: Props<T>) {
  const user = await requireUser();
  const section = await loadSiteSection(siteId, load);
  if ("error" in section) return <SiteSectionError title={title} error={section.error} isAdmin={user.role === "admin"} />;
  const { site, items } = section;
  return (
    <>
      <SiteSectionHeader
        site={site}
        title={title}
        description={description(site)}
        across={{ href: `/sites/${encodeURIComponent(site.id)}/${across.page}`, label: across.label }}
      />
      {children({ site, items, canEdit: hasRole(user.role, "editor") })}
    </>
  );
}
