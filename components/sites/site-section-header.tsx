import Link from "next/link";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/page-header";
import type { ApiErrorBody } from "@/lib/api/errors";
import type { SiteHeading } from "@/lib/sites/load-site-section";
import { SitesError } from "./sites-error";

/** The top of a site's own page (milestones, events): a breadcrumb back to Sites, the title, a link across. */
export function SiteSectionHeader({
  site,
  title,
  description,
  across,
}: {
  site: SiteHeading;
  title: string;
  description: ReactNode;
  /** The site's other page. */
  across: { href: string; label: string };
}) {
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-muted">
        <Link href="/sites" className="hover:underline">
          Sites
        </Link>{" "}
        / {site.name}
      </nav>
      <PageHeader
        title={title}
        description={description}
        actions={
          <Link href={across.href} className="text-sm text-accent hover:underline">
            {across.label}
          </Link>
        }
      />
    </>
  );
}

/** The same page when its site or list could not be loaded: what went wrong and what to do. */
export function SiteSectionError({ title, error, isAdmin }: { title: string; error: ApiErrorBody["error"]; isAdmin: boolean }) {
  return (
    <>
      <PageHeader title={title} />
      <SitesError error={error} isAdmin={isAdmin} />
    </>
  );
}
