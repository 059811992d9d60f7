import "server-only";
import { notFound } from "next/navigation";
import { isApiError, isConvertibleToApiError, type ApiErrorBody } from "@/lib/api/errors";
import { logError } from "@/lib/api/log";
import { governedFathom, type GovernedFathom } from "@/lib/governor/governed-fathom";
import { isValidTimezone, todayIn } from "@/lib/query/resolve-range";

export type SiteHeading = { id: string; name: string; timezone: string; today: string };

export type SiteSection<T> = { site: SiteHeading; items: T } | { error: ApiErrorBody["error"] };

function errorBody(error: unknown): ApiErrorBody["error"] {
  if (isApiError(error)) return error.toBody().error;
  if (isConvertibleToApiError(error)) return error.toApiError().toBody().error;
  logError("Loading a site's milestones or events", error);
  return { code: "internal_error", message: "Something went wrong on our side." };
}

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
      const timezone = site.timezone && isValidTimezone(site.timezone) ? site.timezone : "UTC";
      section = { site: { id: site.id, name: site.name, timezone, today: todayIn(timezone, new Date()) }, items: await load(fathom) };
    }
  } catch (error) {
    return { error: errorBody(error) };
  }
  if (!section) notFound();
  return section;
}
