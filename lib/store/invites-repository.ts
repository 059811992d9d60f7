import "server-only";
import type { Kysely } from "kysely";
import { database } from "./db";
import type { Database } from "./schema";

/** An invite as stored: only the hash of its token is kept. Times are ISO 8601. */
export type StoredInvite = { role: string; expiresAt: string; usedAt: string | null };
export type NewStoredInvite = { tokenHash: string; role: string; createdBy: number; createdAt: Date; expiresAt: Date };
/** An invite not yet used and not expired, for the admins' list: never its token hash. `createdByName` is null once that user is removed. */
export type PendingStoredInvite = { id: number; role: string; createdBy: number; createdByName: string | null; createdAt: string; expiresAt: string };

/** The `invites` table: one-time links to join with a role. */
export function createInvitesRepository(db: Kysely<Database>) {
  return {
    /** Stores a new invite; its id. */
    async insert(invite: NewStoredInvite): Promise<{ id: number }> {
      return db
        .insertInto("invites")
        .values({
          token_hash: invite.tokenHash,
          role: invite.role,
          created_by: invite.createdBy,
          created_at: invite.createdAt.toISOString(),
          expires_at: invite.expiresAt.toISOString(),
          used_at: null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
    },

    /** The invites still unused and unexpired at `now`, newest first. */
    async listPending(now: Date): Promise<PendingStoredInvite[]> {
      const rows = await db
        .selectFrom("invites as i")
        .leftJoin("users as u", "u.id", "i.created_by")
        .select(["i.id", "i.role", "i.created_by", "u.name as created_by_name", "i.created_at", "i.expires_at"])
        .where("i.used_at", "is", null)
        .where("i.expires_at", ">", now.toISOString())
        .orderBy("i.created_at", "desc")
        .orderBy("i.id", "desc")
        .execute();
      return rows.map((row) => ({
        id: row.id,
        role: row.role,
        createdBy: row.created_by,
        createdByName: row.created_by_name,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
      }));
    },

    /**
     * Deletes the invite if it is still unused and unexpired at `now`, in one statement (so a revoke racing
     * an accept either removes the link before it is spent, or finds it spent); false when there was none.
     * The row goes with its token hash: the link then matches nothing.
     */
    async revokePending(id: number, now: Date): Promise<boolean> {
      const result = await db
        .deleteFrom("invites")
        .where("id", "=", id)
        .where("used_at", "is", null)
        .where("expires_at", ">", now.toISOString())
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async findByTokenHash(tokenHash: string): Promise<StoredInvite | null> {
      const row = await db.selectFrom("invites").select(["role", "expires_at", "used_at"]).where("token_hash", "=", tokenHash).executeTakeFirst();
      return row ? { role: row.role, expiresAt: row.expires_at, usedAt: row.used_at } : null;
    },

    /**
     * Marks the invite used if it is still unused and unexpired at `now`, in one statement (a link used twice
     * at once is spent once); its role, or null when there was nothing to spend.
     */
    async spend(tokenHash: string, now: Date): Promise<{ role: string } | null> {
      const at = now.toISOString();
      const row = await db
        .updateTable("invites")
        .set({ used_at: at })
        .where("token_hash", "=", tokenHash)
        .where("used_at", "is", null)
        .where("expires_at", ">", at)
        .returning(["role"])
        .executeTakeFirst();
      return row ?? null;
    },
  };
}

export type InvitesRepository = ReturnType<typeof createInvitesRepository>;

/** The invites of the process-wide database. */
export async function invitesRepository(): Promise<InvitesRepository> {
  return createInvitesRepository(await database());
}
