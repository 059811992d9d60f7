import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { pathNumberSchema } from "@/lib/api/path-number";
import { ApiError } from "@/lib/api/errors";
import { accountTransaction } from "@/lib/store/account-transaction";
import { invitesRepository } from "@/lib/store/invites-repository";
import { settingsRepository } from "@/lib/store/settings-repository";
import { usersRepository, type StoredUser, type UsersRepository } from "@/lib/store/users-repository";
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
/** A user's id as a path segment: digits that fit the id column (a larger one was a database error on PostgreSQL, a 500). */
export const userIdSchema = pathNumberSchema("a user id");

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

const toUser = (stored: StoredUser): User => userSchema.parse(stored);

export async function countUsers(): Promise<number> {
  return (await usersRepository()).count();
}

export async function findUserById(id: number): Promise<User | null> {
  const stored = await (await usersRepository()).findById(id);
  return stored ? toUser(stored) : null;
}

export async function findUserWithHashByEmail(email: string) {
  const found = await (await usersRepository()).findWithHashByEmail(email);
  return found ? { user: toUser(found.user), passwordHash: found.passwordHash } : null;
}

export async function listUsers(): Promise<User[]> {
  return (await (await usersRepository()).list()).map(toUser);
}

const SETUP_MARKER = "setup_completed_at";

/**
 * Creates the first admin. The setup marker is written only if absent, in the same transaction as the
 * user, so this is one-shot even when two requests race (or two processes share the database).
 */
export async function createFirstAdmin(input: NewUser): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  return accountTransaction(async ({ settings, users }) => {
    const at = new Date();
    if (!(await settings.writeIfAbsent(SETUP_MARKER, at.toISOString(), at))) throw setupDone();
    return toUser(await users.insert({ email: input.email, name: input.name, role: "admin", passwordHash, createdAt: at }));
  });
}

export const setupDone = () => new ApiError(404, "not_found", "Sounding is already set up. Sign in instead.");

export async function isSetupComplete(): Promise<boolean> {
  return (await (await settingsRepository()).read(SETUP_MARKER)) !== null;
}

const userGone = () => new ApiError(404, "not_found", "That user no longer exists.");

export async function changeRole(userId: number, role: Role): Promise<User> {
  return accountTransaction(async ({ users }) => {
    const target = await users.findById(userId);
    if (!target) throw userGone();
    if (target.role === "admin" && role !== "admin") await assertAnotherAdmin(users, userId);
    const changed = await users.setRole(userId, role);
    if (!changed) throw userGone();
    return toUser(changed);
  });
}

/** The user's password hash, for checking their current password before a change. */
export async function findPasswordHash(userId: number): Promise<string | null> {
  return (await usersRepository()).findPasswordHash(userId);
}

/** Sets a new password (the caller has checked the current one and ends the other sessions). */
export async function setPassword(userId: number, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  if (!(await (await usersRepository()).setPasswordHash(userId, passwordHash))) throw userGone();
}

/** Removes a user; their sessions go with them (the sessions table's foreign key cascades). */
export async function removeUser(userId: number): Promise<void> {
  await accountTransaction(async ({ users }) => {
    const target = await users.findById(userId);
    if (!target) throw userGone();
    if (target.role === "admin") await assertAnotherAdmin(users, userId);
    await users.remove(userId);
  });
}

async function assertAnotherAdmin(users: UsersRepository, exceptUserId: number) {
  if ((await users.countOtherAdmins(exceptUserId)) === 0) {
    throw new ApiError(409, "last_admin", "Sounding needs at least one admin: make someone else an admin first.");
  }
}

// ---- invites -------------------------------------------------------------------------------------------

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Creates a one-time invite; the raw token is returned once and only its hash is stored. */
export async function createInvite(role: Role, createdBy: number): Promise<{ id: number; token: string; expiresAt: string }> {
  const token = randomBytes(24).toString("base64url");
  const createdAt = new Date();
  const expiresAt = new Date(createdAt.getTime() + INVITE_TTL_MS);
  const { id } = await (await invitesRepository()).insert({ tokenHash: hashToken(token), role, createdBy, createdAt, expiresAt });
  return { id, token, expiresAt: expiresAt.toISOString() };
}

const inviteGone = () =>
  new ApiError(410, "invite_invalid", "This invite link is no longer valid: it was already used, it expired or an admin revoked it. Ask your admin for a new one.");

export async function findUsableInvite(token: string) {
  const invite = await (await invitesRepository()).findByTokenHash(hashToken(token));
  if (!invite || invite.usedAt !== null || invite.expiresAt <= new Date().toISOString()) return null;
  return { role: roleSchema.parse(invite.role), expiresAt: invite.expiresAt };
}

/** Spends an invite and creates its user in one transaction: a link used twice is refused. */
export async function acceptInvite(token: string, input: NewUser): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  return accountTransaction(async ({ invites, users }) => {
    const at = new Date();
    const spent = await invites.spend(hashToken(token), at);
    if (!spent) throw inviteGone();
    if (await users.emailTaken(input.email)) {
      throw new ApiError(409, "email_taken", "Someone already uses this email address.", {
        fields: { email: ["Someone already uses this email address"] },
      });
    }
    return toUser(await users.insert({ email: input.email, name: input.name, role: spent.role, passwordHash, createdAt: at }));
  });
}
