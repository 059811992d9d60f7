import type { Kysely, Migration } from "kysely";

/**
 * The governor's persistent state: answers about closed periods (so a restart spends no Fathom budget
 * on them again) and daily upstream call counts per rate-limit class (so "today" and "this month"
 * survive a restart). Times are epoch milliseconds; `tags` is a JSON array of strings.
 */
export const m002AnswerCache: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("answer_cache")
      .addColumn("key", "text", (col) => col.primaryKey())
      .addColumn("value", "text", (col) => col.notNull())
      .addColumn("fetched_at", "bigint", (col) => col.notNull())
      .addColumn("expires_at", "bigint", (col) => col.notNull())
      .addColumn("tags", "text", (col) => col.notNull())
      .execute();
    await db.schema.createIndex("answer_cache_expires_at").on("answer_cache").column("expires_at").execute();
    await db.schema
      .createTable("upstream_usage")
      .addColumn("day", "varchar(10)", (col) => col.notNull())
      .addColumn("class", "varchar(16)", (col) => col.notNull())
      .addColumn("count", "integer", (col) => col.notNull())
      .addPrimaryKeyConstraint("upstream_usage_pk", ["day", "class"])
      .execute();
  },
};
