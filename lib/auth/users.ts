import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Transaction } from "kysely";
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { database } from "@/lib/store/db";
import type { Database } from "@/lib/store/schema";
import { hashPassword } from "./password";
import { MIN_PASSWORD_LENGTH } from "./password-rules";
import { roleSchema, type Role } from "./roles";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address").max(320));
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(1024, "Use at most 1024 characters");
export const nameSchema = z.string().trim().min(1, "Enter a name").max(255, "Use at most 255 characters");

/** A user id in a path: digits only, exactly (no `1e3`, no ` 1`, no `0x1`). */
export const userIdSchema = z.string().regex(/^[1-9]\d{0,9}$/, "Unknown user").transform(Number);

export const newUserSchema = z.object({ email: emailSchema, name: nameSchema, password: passwordSchema });
export type NewUser = z.infer<typeof newUserSchema>;

/** A user as the app sees it (never the password hash). */
export const userSchema = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

const USER_COLUMNS = ["id", "email", "name", "role", "created_at"] as const;
type UserRow = { id: number; email: string; name: string; role: string; created_at: string };
const toUser = (row: UserRow): User =>
  userSchema.parse({ id: row.id, email: row.email, name: row.name, role: row.role, createdAt: row.created_at });

const now = () => new Date().toISOString();

export async function countUsers(): Promise<number> {
  const db = await database();
  const row = await db.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findUserById(id: number): Promise<User | null> {
  const db = await database();
  const row = await db.selectFrom("users").select(USER_COLUMNS).where("id", "=", id).executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function findUserWithHashByEmail(email: string) {
  const db = await database();
  const row = await db
    .selectFrom("users")
    .select([...USER_COLUMNS, "password_hash"])
    .where("email", "=", email)
    .executeTakeFirst();
  return row ? { user: toUser(row), passwordHash: row.password_hash } : null;
}

export async function listUsers(): Promise<User[]> {
  const db = await database();
  const rows = await db.selectFrom("users").select(USER_COLUMNS).orderBy("id").execute();
  return rows.map(toUser);
}

const SETUP_MARKER = "setup_completed_at";

/**
 * Creates the first admin. The `settings` row with a primary key makes this one-shot even when two
 * requests race (or two processes share the database): the second insert fails inside the transaction.
 */
export async function createFirstAdmin(input: NewUser): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  const db = await database();
  try {
    return await db.transaction().execute(async (trx) => {
      await trx.insertInto("settings").values({ key: SETUP_MARKER, value: now(), updated_at: now() }).execute();
      const row = await trx
        .insertInto("users")
        .values({ email: input.email, name: input.name, role: "admin", password_hash: passwordHash, created_at: now() })
        .returning(USER_COLUMNS)
        .executeTakeFirstOrThrow();
      return toUser(row);
    });
  } catch (error) {
    if (/UNIQUE|PRIMARY KEY/i.test(String((error as Error).message))) throw setupDone();
    throw error;
  }
}

export const setupDone = () => new ApiError(404, "not_found", "Sounding is already set up. Sign in instead.");

export async function isSetupComplete(): Promise<boolean> {
  const db = await database();
  const row = await db.selectFrom("settings").select("key").where("key", "=", SETUP_MARKER).executeTakeFirst();
  return row !== undefined;
}

export async function changeRole(userId: number, role: Role): Promise<User> {
  const db = await database();
  return db.transaction().execute(async (trx) => {
    const target = await trx.selectFrom("users").select(USER_COLUMNS).where("id", "=", userId).executeTakeFirst();
    if (!target) throw new ApiError(404, "not_found", "That user no longer exists.");
    if (target.role === "admin" && role !== "admin") await assertAnotherAdmin(trx, userId);
    const row = await trx
      .updateTable("users")
      .set({ role })
      .where("id", "=", userId)
      .returning(USER_COLUMNS)
      .executeTakeFirstOrThrow();
    return toUser(row);
  });
}

/** The user's password hash, for checking their current password before a change. */
export async function findPasswordHash(userId: number): Promise<string | null> {
  const db = await database();
  const row = await db.selectFrom("users").select("password_hash").where("id", "=", userId).executeTakeFirst();
  return row?.password_hash ?? null;
}

/** Sets a new password (the caller has checked the current one and ends the other sessions). */
export async function setPassword(userId: number, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  const db = await database();
  const result = await db.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", userId).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new ApiError(404, "not_found", "That user no longer exists.");
}

/** Removes a user; their sessions go with them (the sessions table's foreign key cascades). */
export async function removeUser(userId: number): Promise<void> {
  const db = await database();
  await db.transaction().execute(async (trx) => {
    const target = await trx.selectFrom("users").select(["id", "role"]).where("id", "=", userId).executeTakeFirst();
    if (!target) throw new ApiError(404, "not_found", "That user no longer exists.");
    if (target.role === "admin") await assertAnotherAdmin(trx, userId);
    await trx.deleteFrom("users").where("id", "=", userId).execute();
  });
}

async function assertAnotherAdmin(trx: Transaction<Database>, exceptUserId: number) {
  const others = await trx
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("role", "=", "admin")
    .where("id", "!=", exceptUserId)
    .executeTakeFirstOrThrow();
  if (Number(others.n) === 0) {
    throw new ApiError(409, "last_admin", "Sounding needs at least one admin: make someone else an admin first.");
  }
}

// ---- invites -------------------------------------------------------------------------------------------

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Creates a one-time invite; the raw token is returned once and only its hash is stored. */
export async function createInvite(role: Role, createdBy: number): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(24).toString("base64url");
  const expiresAt = new Date(Date.now() + INVITE_TTL_MS).toISOString();
  const db = await database();
  await db
    .insertInto("invites")
    .values({ token_hash: hashToken(token), role, created_by: createdBy, created_at: now(), expires_at: expiresAt, used_at: null })
    .execute();
  return { token, expiresAt };
}

const inviteGone = () =>
  new ApiError(410, "invite_invalid", "This invite link has already been used or has expired. Ask your admin for a new one.");

export async function findUsableInvite(token: string) {
  const db = await database();
  const invite = await db.selectFrom("invites").selectAll().where("token_hash", "=", hashToken(token)).executeTakeFirst();
  if (!invite || invite.used_at !== null || invite.expires_at <= now()) return null;
  return { role: roleSchema.parse(invite.role), expiresAt: invite.expires_at };
}

/** Spends an invite and creates its user in one transaction: a link used twice is refused. */
export async function acceptInvite(token: string, input: NewUser): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  const db = await database();
  return db.transaction().execute(async (trx) => {
    const spent = await trx
      .updateTable("invites")
      .set({ used_at: now() })
      .where("token_hash", "=", hashToken(token))
      .where("used_at", "is", null)
      .where("expires_at", ">", now())
      .returning(["role"])
      .executeTakeFirst();
    if (!spent) throw inviteGone();
    const existing = await trx.selectFrom("users").select("id").where("email", "=", input.email).executeTakeFirst();
    if (existing) {
      throw new ApiError(409, "email_taken", "Someone already uses this email address.", {
        fields: { email: ["Someone already uses this email address"] },
      });
    }
    const row = await trx
      .insertInto("users")
      .values({ email: input.email, name: input.name, role: spent.role, password_hash: passwordHash, created_at: now() })
      .returning(USER_COLUMNS)
      .executeTakeFirstOrThrow();
    return toUser(row);
  });
}
