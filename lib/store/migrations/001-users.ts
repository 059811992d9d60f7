import type { Kysely, Migration } from "kysely";
import { currentTimestampText, generatedId } from "./columns";

export const m001Users: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("users")
      .addColumn("id", "integer", generatedId(db))
      .addColumn("email", "varchar(320)", (col) => col.notNull().unique())
      .addColumn("name", "varchar(255)", (col) => col.notNull())
      .addColumn("role", "varchar(16)", (col) => col.notNull())
      .addColumn("password_hash", "text", (col) => col.notNull())
      .addColumn("created_at", "varchar(32)", (col) => col.notNull().defaultTo(currentTimestampText(db)))
      .execute();
    await db.schema
      .createTable("invites")
      .addColumn("id", "integer", generatedId(db))
      .addColumn("token_hash", "varchar(64)", (col) => col.notNull().unique())
      .addColumn("role", "varchar(16)", (col) => col.notNull())
      .addColumn("created_by", "integer", (col) => col.notNull())
      .addColumn("created_at", "varchar(32)", (col) => col.notNull())
      .addColumn("expires_at", "varchar(32)", (col) => col.notNull())
      .addColumn("used_at", "varchar(32)")
      .execute();
    await db.schema
      .createTable("settings")
      .addColumn("key", "varchar(64)", (col) => col.primaryKey())
      .addColumn("value", "text", (col) => col.notNull())
      .addColumn("updated_at", "varchar(32)", (col) => col.notNull())
      .execute();
  },
};
