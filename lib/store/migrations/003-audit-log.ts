import type { Kysely, Migration } from "kysely";
import { generatedId } from "./columns";

/**
 * Who changed what in Fathom through Sounding: one row per milestone or event write, written before the
 * request goes out ("pending") and settled after it ("ok" or "failed"), so a write whose answer was lost
 * still leaves a trace. The actor's name and email are copied in, so the history outlives the user.
 */
export const m003AuditLog: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("audit_log")
      .addColumn("id", "integer", generatedId(db))
      .addColumn("created_at", "varchar(32)", (col) => col.notNull())
      .addColumn("actor_id", "integer")
      .addColumn("actor_name", "varchar(255)", (col) => col.notNull())
      .addColumn("actor_email", "varchar(320)", (col) => col.notNull())
      .addColumn("action", "varchar(32)", (col) => col.notNull())
      .addColumn("site_id", "varchar(255)", (col) => col.notNull())
      .addColumn("target_id", "varchar(255)")
      .addColumn("summary", "text", (col) => col.notNull())
      .addColumn("after_json", "text")
      .addColumn("outcome", "varchar(16)", (col) => col.notNull())
      .addColumn("detail", "text")
      .execute();
    await db.schema.createIndex("audit_log_site_id").on("audit_log").columns(["site_id", "id"]).execute();
  },
};
