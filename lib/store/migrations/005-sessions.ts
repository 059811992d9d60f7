import type { Kysely, Migration } from "kysely";

/**
 * Server-side sessions: the cookie carries a random token, the database its SHA-256, so signing out, a
 * password change, a role change or a removal ends a session at once (the row is gone), and a copy of the
 * database cannot be replayed as cookies. Sessions that existed before this (a user id in the cookie) end:
 * everyone signs in once more.
 */
export const m005Sessions: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("sessions")
      .addColumn("id", "varchar(64)", (col) => col.primaryKey())
      .addColumn("user_id", "integer", (col) => col.notNull().references("users.id").onDelete("cascade"))
      .addColumn("created_at", "varchar(32)", (col) => col.notNull())
      .addColumn("last_seen_at", "varchar(32)", (col) => col.notNull())
      .addColumn("expires_at", "varchar(32)", (col) => col.notNull())
      .addColumn("user_agent", "varchar(255)", (col) => col.notNull())
      .addColumn("address", "varchar(64)", (col) => col.notNull())
      .execute();
    await db.schema.createIndex("sessions_user_id").on("sessions").column("user_id").execute();
    await db.schema.createIndex("sessions_expires_at").on("sessions").column("expires_at").execute();
  },
};
