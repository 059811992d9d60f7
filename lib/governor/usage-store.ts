import "server-only";
import type { RequestClass } from "./budget-state";

export type UsageRow = { day: string; cls: RequestClass; count: number };

/**
 * Where upstream call counts per UTC day and class are kept, so "today" and "this month" survive a restart:
 * in memory below, in the database with lib/store/usage-repository.ts.
 */
export interface UsageStore {
  add(day: string, cls: RequestClass, count: number): Promise<void>;
  /** Every row from `fromDay` (`YYYY-MM-DD`, inclusive) on. */
  since(fromDay: string): Promise<UsageRow[]>;
}

export class MemoryUsageStore implements UsageStore {
  private readonly counts = new Map<string, UsageRow>();

  async add(day: string, cls: RequestClass, count: number) {
    const key = `${day}|${cls}`;
    const row = this.counts.get(key) ?? { day, cls, count: 0 };
    this.counts.set(key, { ...row, count: row.count + count });
  }

  async since(fromDay: string) {
    return [...this.counts.values()].filter((row) => row.day >= fromDay);
  }
}

const utcDay = (at: number) => new Date(at).toISOString().slice(0, 10);

/**
 * Counts upstream calls per class: the last minute in memory, days and months through a UsageStore.
 * Create it with `UsageCounter.load` so counts already persisted are included.
 */
export class UsageCounter {
  private readonly recent: Record<RequestClass, number[]> = { reports: [], management: [] };
  private readonly sinceStart: Record<RequestClass, number> = { reports: 0, management: 0 };
  private readonly byDay = new Map<string, number>();

  private constructor(
    private readonly store: UsageStore,
    private readonly onError: (error: unknown) => void,
  ) {}

  static async load(store: UsageStore, now: number, onError: (error: unknown) => void): Promise<UsageCounter> {
    const counter = new UsageCounter(store, onError);
    // A store that cannot be read now (Redis restarting) must not keep the governor from starting: count from zero.
    await counter.refresh(now).catch(onError);
    return counter;
  }

  /**
   * Reads the month's counts from the store again: with several instances adding to one store, what this one
   * recorded is only part of it.
   */
  async refresh(now: number): Promise<void> {
    const rows = await this.store.since(`${utcDay(now).slice(0, 7)}-01`);
    this.byDay.clear();
    for (const row of rows) this.byDay.set(`${row.day}|${row.cls}`, row.count);
  }

  record(cls: RequestClass, at: number): void {
    this.prune(cls, at);
    this.recent[cls].push(at);
    this.sinceStart[cls]++;
    const day = utcDay(at);
    const key = `${day}|${cls}`;
    this.byDay.set(key, (this.byDay.get(key) ?? 0) + 1);
    this.store.add(day, cls, 1).catch(this.onError);
  }

  snapshot(cls: RequestClass, now: number) {
    this.prune(cls, now);
    const today = utcDay(now);
    const month = today.slice(0, 7);
    let monthCount = 0;
    for (const [key, count] of this.byDay) if (key.startsWith(month) && key.endsWith(`|${cls}`)) monthCount += count;
    return {
      lastMinute: this.recent[cls].length,
      today: this.byDay.get(`${today}|${cls}`) ?? 0,
      month: monthCount,
      sinceStart: this.sinceStart[cls],
    };
  }

  private prune(cls: RequestClass, now: number) {
    const list = this.recent[cls];
    while (list.length > 0 && list[0]! <= now - 60_000) list.shift();
  }
}
