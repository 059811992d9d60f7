import type { Kysely, Migration } from "kysely";
import { bytesType, generatedId } from "./columns";

/**
 * Client shares (lib/shares/share.ts): one row per share link, and one row per share and UTC day counting
 * page views and failed unlocks, so `/settings/shares` can show the last 30 days without keeping anything
 * about who viewed (no address, no cookie). `slug` is the link's random part (unique; rotating replaces it).
 * `settings_json` holds what lib/shares/share.ts parses as `shareSettingsSchema`; `session_epoch` is in every
 * unlock cookie and is raised by a password change, a rotation or a revocation, which ends every unlocked
 * browser at once. `revision` is raised by every change, so cached share answers of older settings are never
 * served. The logo is stored here (PNG, JPEG or WebP bytes; never SVG). Plain schema builder (the id and the
 * logo's type from ./columns): the same migration runs on PostgreSQL.
 */
export const m009Shares: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("shares")
      .addColumn("id", "integer", generatedId(db))
      .addColumn("slug", "varchar(64)", (col) => col.notNull().unique())
      .addColumn("target_kind", "varchar(16)", (col) => col.notNull())
      .addColumn("target_id", "integer", (col) => col.notNull())
      .addColumn("settings_json", "text", (col) => col.notNull())
      .addColumn("password_hash", "varchar(255)")
      .addColumn("session_epoch", "integer", (col) => col.notNull().defaultTo(1))
      .addColumn("revision", "integer", (col) => col.notNull().defaultTo(1))
      .addColumn("paused", "integer", (col) => col.notNull().defaultTo(0))
      .addColumn("expires_at", "varchar(32)")
      .addColumn("revoked_at", "varchar(32)")
      .addColumn("logo", bytesType(db))
      .addColumn("logo_type", "varchar(32)")
      .addColumn("created_by", "integer", (col) => col.notNull())
      .addColumn("created_at", "varchar(32)", (col) => col.notNull())
      .addColumn("updated_by", "integer", (col) => col.notNull())
      .addColumn("updated_at", "varchar(32)", (col) => col.notNull())
      .execute();
    await db.schema
      .createTable("share_daily")
      .addColumn("share_id", "integer", (col) => col.notNull())
      .addColumn("day", "varchar(10)", (col) => col.notNull())
      .addColumn("views", "integer", (col) => col.notNull().defaultTo(0))
      .addColumn("unlock_failures", "integer", (col) => col.notNull().defaultTo(0))
      .addColumn("last_viewed_at", "varchar(32)")
      .addPrimaryKeyConstraint("share_daily_pk", ["share_id", "day"])
      .execute();
  },
};
