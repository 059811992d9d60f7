import "server-only";
import { governedFathom, type GovernedFathom } from "@/lib/governor/governed-fathom";
import { database } from "@/lib/store/db";
import { eventCurrencies } from "@/lib/store/event-currencies";
import { toEventView } from "./event-input";
import { toMilestoneView } from "./milestone-input";

/**
 * Every event of a site (all pages), from the governor's list cache, as Sounding's API shows them. Fathom
 * lists events without their currency, so the one last set through Sounding is shown where known.
 * `fathom` is the client a caller already holds (the management pages).
 */
export async function listEvents(siteId: string, fathom?: GovernedFathom) {
  const [client, db] = await Promise.all([fathom ?? governedFathom(), database()]);
  const [{ data, meta }, currencies] = await Promise.all([client.listAllEvents(siteId), eventCurrencies(db).ofSite(siteId)]);
  return { events: data.map((event) => toEventView(event, currencies.get(event.id))), meta };
}

/** Every milestone of a site (all pages), from the governor's list cache, with dates as days. */
export async function listMilestones(siteId: string, fathom?: GovernedFathom) {
  const client = fathom ?? (await governedFathom());
  const { data, meta } = await client.listAllMilestones(siteId);
  return { milestones: data.map(toMilestoneView), meta };
}
