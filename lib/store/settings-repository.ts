import "server-only";
import type { Kysely } from "kysely";
import { database } from "./db";
import type { Database } from "./schema";

/** One value of the key/value `settings` table, with when it was last written (ISO 8601). */
export type StoredSetting = { value: string; updatedAt: string };

/**
 * The key/value `settings` table (the sealed Fathom token, the first-run marker, admin preferences). The
 * keys and what their values mean belong to the modules that own them; this only stores strings.
 */
export function createSettingsRepository(db: Kysely<Database>) {
  return {
    async read(key: string): Promise<StoredSetting | null> {
      const row = await db.selectFrom("settings").select(["value", "updated_at"]).where("key", "=", key).executeTakeFirst();
      return row ? { value: row.value, updatedAt: row.updated_at } : null;
    },

    /** Sets a key, replacing what it held. */
    async write(key: string, value: string, now = new Date()): Promise<void> {
      const updatedAt = now.toISOString();
      await db
        .insertInto("settings")
        .values({ key, value, updated_at: updatedAt })
        .onConflict((oc) => oc.column("key").doUpdateSet({ value, updated_at: updatedAt }))
        .execute();
    },

    /**
     * Sets a key only if it holds nothing yet; false when it already did. One-shot even when two writers
     * race (or two processes share the database): the primary key lets exactly one insert through.
     */
    async writeIfAbsent(key: string, value: string, now = new Date()): Promise<boolean> {
      // The key of the row it inserted; nothing when the key was taken (read the same way on every engine).
      const inserted = await db
        .insertInto("settings")
        .values({ key, value, updated_at: now.toISOString() })
        .onConflict((oc) => oc.column("key").doNothing())
        .returning("key")
        .executeTakeFirst();
      return inserted !== undefined;
    },

    /** Removes a key; false when it held nothing. */
    async remove(key: string): Promise<boolean> {
      const result = await db.deleteFrom("settings").where("key", "=", key).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;

/** The settings of the process-wide database. */
export async function settingsRepository(): Promise<SettingsRepository> {
  return createSettingsRepository(await database());
}
