import "server-only";
import type { Kysely } from "kysely";
import { requestClassSchema, type RequestClass } from "@/lib/governor/budget-state";
import type { UsageRow, UsageStore } from "@/lib/governor/usage-store";
import { database } from "./db";
import type { Database } from "./schema";

/** Upstream calls per UTC day and class, table `upstream_usage` (day, class, count): they survive a restart. */
export class DatabaseUsageStore implements UsageStore {
  private readonly db: () => Promise<Kysely<Database>>;

  /** A database, or a function giving the current one (by default the process-wide `database`). */
  constructor(db: Kysely<Database> | (() => Promise<Kysely<Database>>) = database) {
    this.db = typeof db === "function" ? db : async () => db;
  }

  /** Adds to the day's count in one statement, so concurrent adds (or instances) never lose one. */
  async add(day: string, cls: RequestClass, count: number): Promise<void> {
    const db = await this.db();
    await db
      .insertInto("upstream_usage")
      .values({ day, class: cls, count })
      .onConflict((conflict) => conflict.columns(["day", "class"]).doUpdateSet((eb) => ({ count: eb("upstream_usage.count", "+", count) })))
      .execute();
  }

  /** Every row from `fromDay` (`YYYY-MM-DD`, inclusive) on; a class this version does not know is left out. */
  async since(fromDay: string): Promise<UsageRow[]> {
    const db = await this.db();
    const rows = await db.selectFrom("upstream_usage").selectAll().where("day", ">=", fromDay).execute();
    return rows.flatMap((row) => {
      const cls = requestClassSchema.safeParse(row.class);
      return cls.success ? [{ day: row.day, cls: cls.data, count: Number(row.count) }] : [];
    });
  }
}
