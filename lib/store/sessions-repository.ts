import "server-only";
import type { Kysely } from "kysely";
import { database } from "./db";
import type { Database } from "./schema";

/** A `sessions` row; `id` is the hash of the cookie's token (never the token). Times are ISO 8601. */
export type StoredSession = {
  id: string;
  userId: number;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string;
  address: string;
};
export type NewStoredSession = {
  id: string;
  userId: number;
  createdAt: Date;
  expiresAt: Date;
  userAgent: string;
  address: string;
};

const COLUMNS = ["id", "user_id", "created_at", "last_seen_at", "expires_at", "user_agent", "address"] as const;
type SessionRow = { id: string; user_id: number; created_at: string; last_seen_at: string; expires_at: string; user_agent: string; address: string };
const toStoredSession = (row: SessionRow): StoredSession => ({
  id: row.id,
  userId: row.user_id,
  createdAt: row.created_at,
  lastSeenAt: row.last_seen_at,
  expiresAt: row.expires_at,
  userAgent: row.user_agent,
  address: row.address,
});

/** The `sessions` table: one row per signed-in browser. Token handling and expiry rules live in lib/auth/sessions. */
export function createSessionsRepository(db: Kysely<Database>) {
  return {
    /** Stores a new session, last seen when it was created. */
    async insert(session: NewStoredSession): Promise<void> {
      const createdAt = session.createdAt.toISOString();
      await db
        .insertInto("sessions")
        .values({
          id: session.id,
          user_id: session.userId,
          created_at: createdAt,
          last_seen_at: createdAt,
          expires_at: session.expiresAt.toISOString(),
          user_agent: session.userAgent,
          address: session.address,
        })
        .execute();
    },

    async find(id: string): Promise<StoredSession | null> {
      const row = await db.selectFrom("sessions").select(COLUMNS).where("id", "=", id).executeTakeFirst();
      return row ? toStoredSession(row) : null;
    },

    async touch(id: string, at: Date): Promise<void> {
      await db.updateTable("sessions").set({ last_seen_at: at.toISOString() }).where("id", "=", id).execute();
    },

    async remove(id: string): Promise<void> {
      await db.deleteFrom("sessions").where("id", "=", id).execute();
    },

    /** Removes every session of a user but `exceptId`; returns how many. */
    async removeForUser(userId: number, exceptId?: string): Promise<number> {
      let query = db.deleteFrom("sessions").where("user_id", "=", userId);
      if (exceptId) query = query.where("id", "!=", exceptId);
      const result = await query.executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    /**
     * Removes the user's session whose id starts with `prefix` (a lowercase hex handle: the caller checks it,
     * so it holds no `LIKE` wildcard); returns how many went.
     */
    async removeForUserByPrefix(userId: number, prefix: string): Promise<number> {
      const result = await db.deleteFrom("sessions").where("user_id", "=", userId).where("id", "like", `${prefix}%`).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    /** The user's sessions still valid at `now`, most recently seen first. */
    async listLive(userId: number, now: Date): Promise<StoredSession[]> {
      const rows = await db
        .selectFrom("sessions")
        .select(COLUMNS)
        .where("user_id", "=", userId)
        .where("expires_at", ">", now.toISOString())
        .orderBy("last_seen_at", "desc")
        .execute();
      return rows.map(toStoredSession);
    },

    /** Drops the sessions expired at `now`. */
    async removeExpired(now: Date): Promise<void> {
      await db.deleteFrom("sessions").where("expires_at", "<=", now.toISOString()).execute();
    },
  };
}

export type SessionsRepository = ReturnType<typeof createSessionsRepository>;

/** The sessions of the process-wide database. */
export async function sessionsRepository(): Promise<SessionsRepository> {
  return createSessionsRepository(await database());
}
