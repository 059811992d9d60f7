import "server-only";
import { sql, type Kysely } from "kysely";
import type { AnswerCache, CachedAnswer } from "@/lib/governor/answer-cache";
import { database } from "./db";
import type { Database } from "./schema";

/**
 * The governor's persistent answer cache, table `answer_cache`: answers about closed periods outlive the
 * process, so a restart does not spend the budget on them again. Dialect-neutral SQL (SQLite, PostgreSQL).
 */
export class DatabaseAnswerCache implements AnswerCache {
  private readonly db: () => Promise<Kysely<Database>>;

  /** A database, or a function giving the current one (by default the process-wide `database`). */
  constructor(db: Kysely<Database> | (() => Promise<Kysely<Database>>) = database) {
    this.db = typeof db === "function" ? db : async () => db;
  }

  async get(key: string): Promise<CachedAnswer | undefined> {
    const db = await this.db();
    const row = await db.selectFrom("answer_cache").selectAll().where("key", "=", key).executeTakeFirst();
    if (!row) return undefined;
    try {
      return {
        key: row.key,
        value: JSON.parse(row.value),
        fetchedAt: Number(row.fetched_at),
        expiresAt: Number(row.expires_at),
        tags: JSON.parse(row.tags) as string[],
      };
    } catch {
      // A row that no longer parses is worth nothing: forget it and fetch again.
      await this.delete(key);
      return undefined;
    }
  }

  async set(answer: CachedAnswer): Promise<void> {
    const db = await this.db();
    const row = {
      key: answer.key,
      value: JSON.stringify(answer.value),
      fetched_at: answer.fetchedAt,
      expires_at: answer.expiresAt,
      tags: JSON.stringify(answer.tags),
    };
    await db
      .insertInto("answer_cache")
      .values(row)
      .onConflict((conflict) =>
        conflict.column("key").doUpdateSet({ value: row.value, fetched_at: row.fetched_at, expires_at: row.expires_at, tags: row.tags }),
      )
      .execute();
  }

  async delete(key: string): Promise<void> {
    const db = await this.db();
    await db.deleteFrom("answer_cache").where("key", "=", key).execute();
  }

  /**
   * `tags` holds a JSON array of strings: a tag is in it exactly when its JSON string is. "Is in it" is
   * asked as "removing it changes the text": `replace` matches exactly, case included, on SQLite and on
   * PostgreSQL alike, where `LIKE` would need its wildcards escaped and ignores ASCII case on SQLite only.
   */
  async deleteByTag(tag: string): Promise<number> {
    const db = await this.db();
    const needle = JSON.stringify(tag);
    const result = await db
      .deleteFrom("answer_cache")
      .where(sql<boolean>`replace(tags, ${needle}, '') <> tags`)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async prune(expiredBefore: number): Promise<number> {
    const db = await this.db();
    const result = await db.deleteFrom("answer_cache").where("expires_at", "<", expiredBefore).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
