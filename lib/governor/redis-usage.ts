import "server-only";
import { REQUEST_CLASSES, type RequestClass } from "./budget-state";
import type { RedisLink } from "./redis-connection";
import type { UsageRow, UsageStore } from "./usage-store";

/** Months are kept a little over a year: "this month" and "today" are what is shown. */
const KEEP_MS = 400 * 24 * 60 * 60_000;

/**
 * Upstream calls per UTC day and class for the whole deployment: a Redis hash per month (field
 * `day|class`), added to atomically by every instance, and mirrored to the database so a Redis that
 * restarts empty does not forget the month (`since` takes the larger of the two counts).
 */
export class RedisUsageStore implements UsageStore {
  constructor(
    private readonly link: RedisLink,
    private readonly durable?: UsageStore,
  ) {}

  async add(day: string, cls: RequestClass, count: number): Promise<void> {
    const key = this.key(day.slice(0, 7));
    const mirrored = this.durable?.add(day, cls, count);
    await Promise.all([this.link.commands.multi().hincrby(key, `${day}|${cls}`, count).pexpire(key, KEEP_MS).exec(), mirrored]);
  }

  async since(fromDay: string): Promise<UsageRow[]> {
    const months = monthsFrom(fromDay.slice(0, 7), new Date().toISOString().slice(0, 7));
    const [hashes, stored] = await Promise.all([
      Promise.all(months.map((month) => this.link.commands.hgetall(this.key(month)))),
      this.durable?.since(fromDay).catch(() => []) ?? [],
    ]);
    const counts = new Map<string, UsageRow>();
    const note = (row: UsageRow) => {
      const key = `${row.day}|${row.cls}`;
      if ((counts.get(key)?.count ?? -1) < row.count) counts.set(key, row);
    };
    for (const hash of hashes) {
      for (const [field, value] of Object.entries(hash)) {
        const [day, cls] = field.split("|") as [string, string];
        if (day >= fromDay && (REQUEST_CLASSES as readonly string[]).includes(cls)) note({ day, cls: cls as RequestClass, count: Number(value) });
      }
    }
    for (const row of stored) note(row);
    return [...counts.values()];
  }

  private key(month: string) {
    return `${this.link.prefix}usage:${month}`;
  }
}

/** `YYYY-MM` months from `from` to `to`, inclusive (at most 13; a `from` after `to` gives `from` alone). */
function monthsFrom(from: string, to: string): string[] {
  const months = [from];
  let [year, month] = from.split("-").map(Number) as [number, number];
  while (months.length < 13) {
    month++;
    if (month > 12) [year, month] = [year + 1, 1];
    const next = `${year}-${String(month).padStart(2, "0")}`;
    if (next > to) break;
    months.push(next);
  }
  return months;
}
