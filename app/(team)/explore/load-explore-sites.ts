import "server-only";
import type { BuilderSite } from "@/components/query-builder/builder-site";
import { isApiError, isConvertibleToApiError, type ApiErrorBody } from "@/lib/api/errors";
import { logError } from "@/lib/api/log";
import { auditLog } from "@/lib/audit/audit-log";
import { eventCurrencySchema } from "@/lib/query/fathom-fields";
import { governedFathom } from "@/lib/governor/governed-fathom";

/** Sites whose events are listed at once (each list may span pages); well under Fathom's concurrency of 5. */
const SITES_IN_FLIGHT = 3;

export type ExploreSites = { sites: BuilderSite[] } | { error: ApiErrorBody["error"] };

function knownCurrency(value: unknown) {
  const parsed = eventCurrencySchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * The sites the builder offers, each with its events, through the governor (lists are cached for
 * minutes and dropped when someone edits them), in Fathom's order. Fathom lists events without their
 * currency, so the one last set through Sounding (the audit log) is used where known. Milestones are not
 * needed here: a report's answer carries those inside its range.
 */
export async function loadExploreSites(): Promise<ExploreSites> {
  try {
    const [fathom, log] = await Promise.all([governedFathom(), auditLog()]);
    const sites = (await fathom.listAllSites()).data;
    const result: BuilderSite[] = new Array(sites.length);
    let next = 0;
    async function worker() {
      while (next < sites.length) {
        const index = next++;
        const site = sites[index]!;
        const [{ data: events }, currencies] = await Promise.all([fathom.listAllEvents(site.id), log.lastKnownCurrencies(site.id)]);
        result[index] = {
          id: site.id,
          name: site.name,
          timezone: site.timezone,
          events: events.map((event) => ({ id: event.id, name: event.name, currency: knownCurrency(event.currency ?? currencies.get(event.id)) })),
        };
      }
    }
    await Promise.all(Array.from({ length: Math.min(SITES_IN_FLIGHT, sites.length) }, worker));
    return { sites: result };
  } catch (error) {
    if (isApiError(error)) return { error: error.toBody().error };
    if (isConvertibleToApiError(error)) return { error: error.toApiError().toBody().error };
    logError("Loading the sites for Explore", error);
    return { error: { code: "internal_error", message: "Something went wrong on our side." } };
  }
}
