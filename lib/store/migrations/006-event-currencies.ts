import type { Kysely, Migration } from "kysely";

type Legacy = Kysely<{
  audit_log: { id: number; action: string; outcome: string; site_id: string; target_id: string | null; after_json: string | null; created_at: string };
  event_currencies: { event_id: string; site_id: string; currency: string; updated_at: string };
}>;

/** The `currency` of an audit entry's `after_json`, or null when it has none (or is not JSON). */
function currencyOf(json: string | null): string | null {
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    const currency = typeof value === "object" && value !== null ? (value as { currency?: unknown }).currency : undefined;
    return typeof currency === "string" ? currency : null;
  } catch {
    return null;
  }
}

/**
 * The currency each event was given through Sounding. Fathom lists events without their currency, so a
 * report's money figures are formatted from this table (before it, the audit log was searched). Keyed by
 * the event's Fathom id; the site id is kept so a site's events can be read at once. What the audit log
 * already knows (each event's last successful create or update) is carried over, in plain SQL and
 * JavaScript so the migration runs on any dialect.
 */
export const m006EventCurrencies: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("event_currencies")
      .addColumn("event_id", "varchar(255)", (col) => col.primaryKey())
      .addColumn("site_id", "varchar(255)", (col) => col.notNull())
      .addColumn("currency", "varchar(32)", (col) => col.notNull())
      .addColumn("updated_at", "varchar(32)", (col) => col.notNull())
      .execute();
    await db.schema.createIndex("event_currencies_site_id").on("event_currencies").column("site_id").execute();

    const legacy = db as unknown as Legacy;
    const rows = await legacy
      .selectFrom("audit_log")
      .select(["site_id", "target_id", "after_json", "created_at"])
      .where("action", "in", ["event.create", "event.update"])
      .where("outcome", "=", "ok")
      .orderBy("id", "asc")
      .execute();
    const latest = new Map<string, { event_id: string; site_id: string; currency: string; updated_at: string }>();
    for (const row of rows) {
      const currency = currencyOf(row.after_json);
      if (row.target_id && currency) latest.set(row.target_id, { event_id: row.target_id, site_id: row.site_id, currency, updated_at: row.created_at });
    }
    if (latest.size > 0) await legacy.insertInto("event_currencies").values([...latest.values()]).execute();
  },
};
