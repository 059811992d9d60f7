import "server-only";
import type { Kysely } from "kysely";
import { database } from "./db";
import type { Database } from "./schema";

/** An invite as stored: only the hash of its token is kept. Times are ISO 8601. */
export type StoredInvite = { role: string; expiresAt: string; usedAt: string | null };
export type NewStoredInvite = { tokenHash: string; role: string; createdBy: number; createdAt: Date; expiresAt: Date };

/** The `invites` table: one-time links to join with a role. */
export function createInvitesRepository(db: Kysely<Database>) {
  return {
    async insert(invite: NewStoredInvite): Promise<void> {
      await db
        .insertInto("invites")
        .values({
          token_hash: invite.tokenHash,
          role: invite.role,
          created_by: invite.createdBy,
          created_at: invite.createdAt.toISOString(),
          expires_at: invite.expiresAt.toISOString(),
          used_at: null,
        })
        .execute();
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
