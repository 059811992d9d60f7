import { sql, type ColumnDefinitionBuilder, type Kysely } from "kysely";
import { isPostgres } from "../engine";

/**
 * The column definitions SQLite and PostgreSQL spell differently. On SQLite each gives exactly what the
 * migrations created before PostgreSQL was supported (databases made then are migrated already, and
 * Kysely records only a migration's name), so only the PostgreSQL side is free to choose.
 */

/** An integer primary key the database numbers, never reusing one: AUTOINCREMENT on SQLite, an identity on PostgreSQL. */
export const generatedId = (db: Kysely<unknown>) => (col: ColumnDefinitionBuilder) =>
  isPostgres(db) ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();

/** Bytes (an image): `blob` on SQLite, `bytea` on PostgreSQL. */
export const bytesType = (db: Kysely<unknown>) => (isPostgres(db) ? "bytea" : "blob");

/**
 * The current UTC time as SQLite's CURRENT_TIMESTAMP writes it (`YYYY-MM-DD HH:MM:SS`), for a default of a
 * text column: PostgreSQL's CURRENT_TIMESTAMP is a timestamptz, which would be stored in another format.
 */
export const currentTimestampText = (db: Kysely<unknown>) =>
  isPostgres(db) ? sql`to_char(now() at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS')` : sql`CURRENT_TIMESTAMP`;
