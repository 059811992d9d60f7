import type { Kysely, Migration } from "kysely";

/**
 * What each audited write was about to send to Fathom (`intent_json`, JSON; null for a delete), kept from
 * the moment the entry is written. After a crash, an entry still "pending" is settled at the next start by
 * comparing this intent with what Fathom lists (lib/audit/reconcile.ts).
 */
export const m004AuditIntent: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("audit_log").addColumn("intent_json", "text").execute();
  },
};
