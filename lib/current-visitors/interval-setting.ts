import "server-only";
import { getServerConfig } from "@/lib/config/server-config";
import { settingsRepository, type SettingsRepository } from "@/lib/store/settings-repository";
import { baseIntervalSeconds, type IntervalSettingState } from "./interval";

/** The `settings` row holding the admin's default current-visitors interval (whole seconds). */
export const INTERVAL_SETTING_KEY = "current_visitors_interval_seconds";

export type StoredInterval = { seconds: number; updatedAt: string } | null;

/** `settings` defaults to the process-wide database's; tests pass their own. */
export async function readStoredInterval(settings?: SettingsRepository): Promise<StoredInterval> {
  const stored = await (settings ?? (await settingsRepository())).read(INTERVAL_SETTING_KEY);
  if (!stored) return null;
  const seconds = Number(stored.value);
  // A value this version cannot read is ignored (the environment's interval applies), never a 500.
  return Number.isInteger(seconds) && seconds > 0 ? { seconds, updatedAt: stored.updatedAt } : null;
}

/** Stores the admin's interval; null removes it so the environment's applies again. */
export async function writeStoredInterval(
  seconds: number | null,
  { now = new Date(), settings }: { now?: Date; settings?: SettingsRepository } = {},
): Promise<void> {
  const repository = settings ?? (await settingsRepository());
  if (seconds === null) await repository.remove(INTERVAL_SETTING_KEY);
  else await repository.write(INTERVAL_SETTING_KEY, String(seconds), now);
}

export async function intervalSettingState(settings?: SettingsRepository): Promise<IntervalSettingState> {
  const config = getServerConfig();
  const stored = await readStoredInterval(settings);
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
