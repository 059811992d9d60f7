import "server-only";
import type { Kysely } from "kysely";
import { eventCurrencySchema, type EventCurrency } from "@/lib/query/fathom-fields";
import type { Database } from "./schema";

/**
 * The currency of each event, as last set through Sounding (Fathom lists events with `currency: null`).
 * Written by the event service after Fathom accepted a create or update; read when a report on an event
 * is run, so the answer carries its own currency.
 */
export function eventCurrencies(db: Kysely<Database>) {
  return {
    async set(siteId: string, eventId: string, currency: EventCurrency, now = new Date()): Promise<void> {
      const updatedAt = now.toISOString();
      await db
        .insertInto("event_currencies")
        .values({ event_id: eventId, site_id: siteId, currency, updated_at: updatedAt })
        .onConflict((oc) => oc.column("event_id").doUpdateSet({ site_id: siteId, currency, updated_at: updatedAt }))
        .execute();
    },

    async remove(eventId: string): Promise<void> {
      await db.deleteFrom("event_currencies").where("event_id", "=", eventId).execute();
    },

    /** Every known currency of a site's events, by event id (a value this version cannot read is left out). */
    async ofSite(siteId: string): Promise<Map<string, EventCurrency>> {
      const rows = await db.selectFrom("event_currencies").select(["event_id", "currency"]).where("site_id", "=", siteId).execute();
      const known = new Map<string, EventCurrency>();
      for (const row of rows) {
        const parsed = eventCurrencySchema.safeParse(row.currency);
        if (parsed.success) known.set(row.event_id, parsed.data);
      }
      return known;
    },

    async of(eventId: string): Promise<EventCurrency | null> {
      const row = await db.selectFrom("event_currencies").select("currency").where("event_id", "=", eventId).executeTakeFirst();
      const parsed = eventCurrencySchema.safeParse(row?.currency);
      return parsed.success ? parsed.data : null;
    },
  };
}
