import "server-only";
import type { Kysely } from "kysely";
import { getServerConfig } from "@/lib/config/server-config";
import { database } from "@/lib/store/db";
import type { Database } from "@/lib/store/schema";
import { baseIntervalSeconds, type IntervalSettingState } from "./interval";

/** The `settings` row holding the admin's default current-visitors interval (whole seconds). */
export const INTERVAL_SETTING_KEY = "current_visitors_interval_seconds";

export type StoredInterval = { seconds: number; updatedAt: string } | null;

export async function readStoredInterval(db: Kysely<Database>): Promise<StoredInterval> {
  const row = await db.selectFrom("settings").select(["value", "updated_at"]).where("key", "=", INTERVAL_SETTING_KEY).executeTakeFirst();
  if (!row) return null;
  const seconds = Number(row.value);
  // A value this version cannot read is ignored (the environment's interval applies), never a 500.
  return Number.isInteger(seconds) && seconds > 0 ? { seconds, updatedAt: row.updated_at } : null;
}

/** Stores the admin's interval; null removes it so the environment's applies again. */
export async function writeStoredInterval(db: Kysely<Database>, seconds: number | null, now = new Date()): Promise<void> {
  if (seconds === null) {
    await db.deleteFrom("settings").where("key", "=", INTERVAL_SETTING_KEY).execute();
    return;
  }
  const value = String(seconds);
  const updatedAt = now.toISOString();
  await db
    .insertInto("settings")
    .values({ key: INTERVAL_SETTING_KEY, value, updated_at: updatedAt })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value, updated_at: updatedAt }))
    .execute();
}

export async function intervalSettingState(db?: Kysely<Database>): Promise<IntervalSettingState> {
  const config = getServerConfig();
  const stored = await readStoredInterval(db ?? (await database()));
  const environmentSeconds = config.CURRENT_VISITORS_INTERVAL_SECONDS;
  return {
    intervalSeconds: stored?.seconds ?? null,
    environmentSeconds,
    effectiveSeconds: baseIntervalSeconds(stored?.seconds ?? null, environmentSeconds),
    reportsPerMinute: config.FATHOM_RATE_LIMIT_REPORTS_PER_MINUTE,
    updatedAt: stored?.updatedAt ?? null,
  };
}

/** The base interval in force (seconds), before any stretching for a tight budget. */
export async function currentVisitorsBaseInterval(): Promise<number> {
  return (await intervalSettingState()).effectiveSeconds;
}
