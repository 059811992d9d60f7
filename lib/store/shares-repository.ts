import "server-only";
import type { Insertable, Kysely, Selectable } from "kysely";
import type { Database, SharesTable } from "./schema";

/**
 * The `shares` and `share_daily` tables (lib/shares/share.ts says what they hold). Plain Kysely, no
 * SQLite-only SQL: the same queries run on PostgreSQL. The logo's bytes are read only by `logo`, so
 * listing shares never loads every client's image.
 */

/** A share's row without its logo's bytes, with the names of who made and last changed it (null: removed user). */
export type StoredShare = Omit<Selectable<SharesTable>, "logo"> & { created_by_name: string | null; updated_by_name: string | null };

/** A new share; its epoch and revision start at 1. */
export type NewShareRow = Omit<Insertable<SharesTable>, "id" | "session_epoch" | "revision">;

/** The columns a change may set; those left undefined keep their value. */
export type ShareRowChange = Partial<
  Pick<SharesTable, "slug" | "settings_json" | "password_hash" | "paused" | "expires_at" | "revoked_at" | "logo" | "logo_type">
>;

/** Views and failed unlocks of one share: `views` and `unlockFailures` since a day, `lastViewedAt` ever. */
export type ShareCounters = { views: number; unlockFailures: number; lastViewedAt: string | null };

const SHARE_COLUMNS = [
  "s.id",
  "s.slug",
  "s.target_kind",
  "s.target_id",
  "s.settings_json",
  "s.password_hash",
  "s.session_epoch",
  "s.revision",
  "s.paused",
  "s.expires_at",
  "s.revoked_at",
  "s.logo_type",
  "s.created_by",
  "s.created_at",
  "s.updated_by",
  "s.updated_at",
] as const;

const PUBLIC_COLUMNS = [
  "id",
  "slug",
  "target_kind",
  "target_id",
  "settings_json",
  "password_hash",
  "session_epoch",
  "revision",
  "paused",
  "expires_at",
  "revoked_at",
  "logo_type",
] as const;
export type PublicShareRow = Pick<Selectable<SharesTable>, (typeof PUBLIC_COLUMNS)[number]>;

/** The shares over `db` (the process's database, or a transaction, so a change and its audit entry are written together). */
export function sharesRepository(db: Kysely<Database>) {
  const shares = () =>
    db
      .selectFrom("shares as s")
      .leftJoin("users as creator", "creator.id", "s.created_by")
      .leftJoin("users as editor", "editor.id", "s.updated_by")
      .select(SHARE_COLUMNS)
      .select(["creator.name as created_by_name", "editor.name as updated_by_name"]);

  /** One day's counters, created at its first count; two counts at once both land (the update adds to the row). */
  const count = async (shareId: number, day: string, counted: { views: number; unlock_failures: number; last_viewed_at: string | null }) => {
    await db
      .insertInto("share_daily")
      .values({ share_id: shareId, day, ...counted })
      .onConflict((conflict) =>
        conflict.columns(["share_id", "day"]).doUpdateSet((eb) => ({
          views: eb("share_daily.views", "+", counted.views),
          unlock_failures: eb("share_daily.unlock_failures", "+", counted.unlock_failures),
          ...(counted.last_viewed_at === null ? {} : { last_viewed_at: counted.last_viewed_at }),
        })),
      )
      .execute();
  };

  return {
    /** The new share's id. */
    async insert(row: NewShareRow): Promise<number> {
      const { id } = await db
        .insertInto("shares")
        .values({ ...row, session_epoch: 1, revision: 1 })
        .returning("id")
        .executeTakeFirstOrThrow();
      return id;
    },

    /**
     * Sets `change` on a share that is not revoked, raising its revision (and its session epoch when
     * `raiseEpoch`, which ends every unlocked browser). False, writing nothing, when the share is unknown
     * or revoked: the condition is in the update, so a change racing a revocation cannot undo it.
     */
    async update(id: number, change: ShareRowChange, by: { userId: number; at: Date; raiseEpoch: boolean }): Promise<boolean> {
      const updated = await db
        .updateTable("shares")
        .set((eb) => ({
          ...change,
          revision: eb("revision", "+", 1),
          ...(by.raiseEpoch ? { session_epoch: eb("session_epoch", "+", 1) } : {}),
          updated_by: by.userId,
          updated_at: by.at.toISOString(),
        }))
        .where("id", "=", id)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      return updated.numUpdatedRows > 0n;
    },

    async find(id: number): Promise<StoredShare | null> {
      return (await shares().where("s.id", "=", id).executeTakeFirst()) ?? null;
    },

    async findBySlug(slug: string): Promise<StoredShare | null> {
      return (await shares().where("s.slug", "=", slug).executeTakeFirst()) ?? null;
    },

    /**
     * What the public page needs of the share with this slug, and nothing more (no people, no joins): it is
     * read on every request of a link that may be open in a whole company.
     */
    async findPublicBySlug(slug: string): Promise<PublicShareRow | null> {
      return (await db.selectFrom("shares").select(PUBLIC_COLUMNS).where("slug", "=", slug).executeTakeFirst()) ?? null;
    },

    /** Every share, revoked ones too, the newest first. */
    async list(): Promise<StoredShare[]> {
      return shares().orderBy("s.created_at", "desc").orderBy("s.id", "desc").execute();
    },

    /** The logo of the share with this slug, revoked or not; null when it has none. */
    async logo(slug: string): Promise<{ bytes: Uint8Array; type: string; revokedAt: string | null } | null> {
      const row = await db.selectFrom("shares").select(["logo", "logo_type", "revoked_at"]).where("slug", "=", slug).executeTakeFirst();
      if (!row?.logo || !row.logo_type) return null;
      return { bytes: row.logo, type: row.logo_type, revokedAt: row.revoked_at };
    },

    /** One page view on `day` (UTC, `YYYY-MM-DD`) at `at`. Nothing about the viewer is kept. */
    recordView: (shareId: number, day: string, at: Date): Promise<void> =>
      count(shareId, day, { views: 1, unlock_failures: 0, last_viewed_at: at.toISOString() }),

    /** One wrong password on `day`. */
    recordUnlockFailure: (shareId: number, day: string): Promise<void> => count(shareId, day, { views: 0, unlock_failures: 1, last_viewed_at: null }),

    /**
     * Per share (of `shareId`, or every share): views and failed unlocks on `since` (`YYYY-MM-DD`) and
     * after, and the last view ever, in one grouped query. A share never viewed nor unlocked is absent.
     */
    async counters(since: string, shareId?: number): Promise<Map<number, ShareCounters>> {
      let query = db
        .selectFrom("share_daily")
        .select((eb) => [
          "share_id",
          eb.fn.sum<number | string>(eb.case().when("day", ">=", since).then(eb.ref("views")).else(0).end()).as("views"),
          eb.fn.sum<number | string>(eb.case().when("day", ">=", since).then(eb.ref("unlock_failures")).else(0).end()).as("unlock_failures"),
          eb.fn.max("last_viewed_at").as("last_viewed_at"),
        ])
        .groupBy("share_id");
      if (shareId !== undefined) query = query.where("share_id", "=", shareId);
      const rows = await query.execute();
      // PostgreSQL answers a sum of integers as a bigint, which its driver gives as text.
      return new Map(
        rows.map((row) => [row.share_id, { views: Number(row.views), unlockFailures: Number(row.unlock_failures), lastViewedAt: row.last_viewed_at ?? null }]),
      );
    },
  };
}

export type SharesRepository = ReturnType<typeof sharesRepository>;
