import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { database } from "@/lib/store/db";

/** Sessions last 14 days from sign-in; signing out, a password or role change, or a removal ends them at once. */
export const SESSION_TTL_SECONDS = 14 * 24 * 60 * 60;
/** `last_seen_at` is written at most this often per session, so reading a page does not always write. */
const TOUCH_EVERY_MS = 5 * 60_000;

/** A signed-in browser as its owner sees it in Settings → Account (never the token or its hash). */
export const sessionViewSchema = z.object({
  /** A short, stable handle for one session (a prefix of its hash): enough to end it, useless as a cookie. */
  handle: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  userAgent: z.string(),
  address: z.string(),
  current: z.boolean(),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

export type SessionRecord = { id: string; userId: number; lastSeenAt: string };

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const HANDLE_LENGTH = 12;
const now = () => new Date();

/** Starts a session; returns the token for the cookie (only its hash is stored). */
export async function createSession(userId: number, client: { userAgent: string; address: string }): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const at = now();
  const db = await database();
  await db
    .insertInto("sessions")
    .values({
      id: hashToken(token),
      user_id: userId,
      created_at: at.toISOString(),
      last_seen_at: at.toISOString(),
      expires_at: new Date(at.getTime() + SESSION_TTL_SECONDS * 1000).toISOString(),
      user_agent: client.userAgent.slice(0, 255),
      address: client.address.slice(0, 64),
    })
    .execute();
  return token;
}

/** The live session a token names, or null (unknown, ended or expired). Notes that it was seen, now and then. */
export async function findSession(token: string): Promise<SessionRecord | null> {
  if (typeof token !== "string" || token.length < 20 || token.length > 100) return null;
  const db = await database();
  const at = now();
  const row = await db
    .selectFrom("sessions")
    .select(["id", "user_id", "last_seen_at", "expires_at"])
    .where("id", "=", hashToken(token))
    .executeTakeFirst();
  if (!row) return null;
  if (row.expires_at <= at.toISOString()) {
    await db.deleteFrom("sessions").where("id", "=", row.id).execute();
    return null;
  }
  if (at.getTime() - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    await db.updateTable("sessions").set({ last_seen_at: at.toISOString() }).where("id", "=", row.id).execute();
  }
  return { id: row.id, userId: row.user_id, lastSeenAt: row.last_seen_at };
}

/** Ends the session a token names (signing out). */
export async function endSessionByToken(token: string): Promise<void> {
  const db = await database();
  await db.deleteFrom("sessions").where("id", "=", hashToken(token)).execute();
}

/** Ends every session of a user, but `exceptId` (the one making the change, when it should stay). Returns how many. */
export async function endUserSessions(userId: number, options: { exceptId?: string } = {}): Promise<number> {
  const db = await database();
  let query = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (options.exceptId) query = query.where("id", "!=", options.exceptId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Ends one of a user's own sessions by its handle; false when the user has no such session. */
export async function endSessionByHandle(userId: number, handle: string): Promise<boolean> {
  if (!/^[0-9a-f]{12}$/.test(handle)) return false;
  const db = await database();
  const result = await db.deleteFrom("sessions").where("user_id", "=", userId).where("id", "like", `${handle}%`).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** A user's live sessions, most recently seen first. */
export async function listUserSessions(userId: number, currentId?: string): Promise<SessionView[]> {
  const db = await database();
  const rows = await db
    .selectFrom("sessions")
    .select(["id", "created_at", "last_seen_at", "user_agent", "address"])
    .where("user_id", "=", userId)
    .where("expires_at", ">", now().toISOString())
    .orderBy("last_seen_at", "desc")
    .execute();
  return rows.map((row) => ({
    handle: row.id.slice(0, HANDLE_LENGTH),
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    userAgent: row.user_agent,
    address: row.address,
    current: row.id === currentId,
  }));
}

/** Drops expired sessions (called now and then; an expired one is refused anyway). */
export async function pruneSessions(): Promise<void> {
  const db = await database();
  await db.deleteFrom("sessions").where("expires_at", "<=", now().toISOString()).execute();
}
