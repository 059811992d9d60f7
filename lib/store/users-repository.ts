import "server-only";
import type { Kysely } from "kysely";
import { database } from "./db";
import { isPostgres } from "./engine";
import type { Database } from "./schema";

/** A `users` row as the app reads it (never the password hash); `role` is checked by the caller. */
export type StoredUser = { id: number; email: string; name: string; role: string; createdAt: string };
export type NewStoredUser = { email: string; name: string; role: string; passwordHash: string; createdAt: Date };

const USER_COLUMNS = ["id", "email", "name", "role", "created_at"] as const;
type UserRow = { id: number; email: string; name: string; role: string; created_at: string };
const toStoredUser = (row: UserRow): StoredUser => ({ id: row.id, email: row.email, name: row.name, role: row.role, createdAt: row.created_at });

/** The `users` table. Rules (one admin at least, unique emails as the user sees them) live in lib/auth/users. */
export function createUsersRepository(db: Kysely<Database>) {
  return {
    async count(): Promise<number> {
      const row = await db.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /**
     * How many admins there are besides `exceptUserId`. Inside a transaction on PostgreSQL it also locks the
     * admins' rows until the transaction ends: two admins demoting (or removing) each other at once would
     * otherwise each count the other and leave none. SQLite runs one transaction at a time, so needs no lock.
     */
    async countOtherAdmins(exceptUserId: number): Promise<number> {
      // Locked in id order, so two such transactions wait for each other instead of deadlocking.
      const admins = db.selectFrom("users").select("id").where("role", "=", "admin").orderBy("id");
      const rows = await (isPostgres(db) ? admins.forUpdate() : admins).execute();
      return rows.filter((row) => row.id !== exceptUserId).length;
    },

    async findById(id: number): Promise<StoredUser | null> {
      const row = await db.selectFrom("users").select(USER_COLUMNS).where("id", "=", id).executeTakeFirst();
      return row ? toStoredUser(row) : null;
    },

    async findWithHashByEmail(email: string): Promise<{ user: StoredUser; passwordHash: string } | null> {
      const row = await db
        .selectFrom("users")
        .select([...USER_COLUMNS, "password_hash"])
        .where("email", "=", email)
        .executeTakeFirst();
      return row ? { user: toStoredUser(row), passwordHash: row.password_hash } : null;
    },

    async emailTaken(email: string): Promise<boolean> {
      return (await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst()) !== undefined;
    },

    /** Every user, oldest first. */
    async list(): Promise<StoredUser[]> {
      const rows = await db.selectFrom("users").select(USER_COLUMNS).orderBy("id").execute();
      return rows.map(toStoredUser);
    },

    async insert(user: NewStoredUser): Promise<StoredUser> {
      const row = await db
        .insertInto("users")
        .values({ email: user.email, name: user.name, role: user.role, password_hash: user.passwordHash, created_at: user.createdAt.toISOString() })
        .returning(USER_COLUMNS)
        .executeTakeFirstOrThrow();
      return toStoredUser(row);
    },

    /** The user with the new role, or null when there is no such user. */
    async setRole(id: number, role: string): Promise<StoredUser | null> {
      const row = await db.updateTable("users").set({ role }).where("id", "=", id).returning(USER_COLUMNS).executeTakeFirst();
      return row ? toStoredUser(row) : null;
    },

    async findPasswordHash(id: number): Promise<string | null> {
      const row = await db.selectFrom("users").select("password_hash").where("id", "=", id).executeTakeFirst();
      return row?.password_hash ?? null;
    },

    /** False when there is no such user. */
    async setPasswordHash(id: number, passwordHash: string): Promise<boolean> {
      const result = await db.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", id).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /** Removes a user; their sessions go with them (the sessions table's foreign key cascades). */
    async remove(id: number): Promise<void> {
      await db.deleteFrom("users").where("id", "=", id).execute();
    },
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;

/** The users of the process-wide database. */
export async function usersRepository(): Promise<UsersRepository> {
  return createUsersRepository(await database());
}
