import "server-only";
import { notFound } from "next/navigation";
import type { ApiErrorBody } from "@/lib/api/errors";
import { toApiError } from "@/lib/api/to-api-error";
import { governedFathom, type GovernedFathom } from "@/lib/governor/governed-fathom";
import { reportTimezone, todayIn } from "@/lib/query/resolve-range";

export type SiteHeading = { id: string; name: string; timezone: string; today: string };

export type SiteSection<T> = { site: SiteHeading; items: T } | { error: ApiErrorBody["error"] };

/**
 * A site (from the governed site list) and one of its lists, for the management pages. A site the
 * account does not have is a 404 page; a Fathom problem comes back as the error to show.
 */
export async function loadSiteSection<T>(siteId: string, load: (fathom: GovernedFathom) => Promise<T>): Promise<SiteSection<T>> {
  let section: SiteSection<T> | undefined;
  try {
    const fathom = await governedFathom();
    const site = (await fathom.listAllSites()).data.find((candidate) => candidate.id === siteId);
    if (site) {
      const timezone = reportTimezone(site.timezone);
      section = { site: { id: site.id, name: site.name, timezone, today: todayIn(timezone, new Date()) }, items: await load(fathom) };
    }
  } catch (error) {
    return { error: toApiError(error, "Loading a site's milestones or events").toBody().error };
  }
  if (!section) notFound();
  return section;
}
