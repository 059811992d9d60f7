/**
 * Where a site's events are listed and edited (app/(team)/sites/[siteId]/events): the one page where an
 * editor sets an event's currency, so a hint about a missing currency links here.
 */
export function siteEventsHref(siteId: string): string {
  return `/sites/${encodeURIComponent(siteId)}/events`;
}
