import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { sessionsRepository } from "@/lib/store/sessions-repository";

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
  await (await sessionsRepository()).insert({
    id: hashToken(token),
    userId,
    createdAt: at,
    expiresAt: new Date(at.getTime() + SESSION_TTL_SECONDS * 1000),
    userAgent: client.userAgent.slice(0, 255),
    address: client.address.slice(0, 64),
  });
  return token;
}

/** The live session a token names, or null (unknown, ended or expired). Notes that it was seen, now and then. */
export async function findSession(token: string): Promise<SessionRecord | null> {
  if (typeof token !== "string" || token.length < 20 || token.length > 100) return null;
  const sessions = await sessionsRepository();
  const at = now();
  const session = await sessions.find(hashToken(token));
  if (!session) return null;
  if (session.expiresAt <= at.toISOString()) {
    await sessions.remove(session.id);
    return null;
  }
  if (at.getTime() - Date.parse(session.lastSeenAt) > TOUCH_EVERY_MS) await sessions.touch(session.id, at);
  return { id: session.id, userId: session.userId, lastSeenAt: session.lastSeenAt };
}

/** Ends the session a token names (signing out). */
export async function endSessionByToken(token: string): Promise<void> {
  await (await sessionsRepository()).remove(hashToken(token));
}

/** Ends every session of a user, but `exceptId` (the one making the change, when it should stay). Returns how many. */
export async function endUserSessions(userId: number, options: { exceptId?: string } = {}): Promise<number> {
  return (await sessionsRepository()).removeForUser(userId, options.exceptId);
}

/** Ends one of a user's own sessions by its handle; false when the user has no such session. */
export async function endSessionByHandle(userId: number, handle: string): Promise<boolean> {
  if (!/^[0-9a-f]{12}$/.test(handle)) return false;
  return (await (await sessionsRepository()).removeForUserByPrefix(userId, handle)) > 0;
}

/** A user's live sessions, most recently seen first. */
export async function listUserSessions(userId: number, currentId?: string): Promise<SessionView[]> {
  const sessions = await (await sessionsRepository()).listLive(userId, now());
  return sessions.map((session) => ({
    handle: session.id.slice(0, HANDLE_LENGTH),
    createdAt: session.createdAt,
    lastSeenAt: session.lastSeenAt,
    userAgent: session.userAgent,
    address: session.address,
    current: session.id === currentId,
  }));
}

/** Drops expired sessions (called now and then; an expired one is refused anyway). */
export async function pruneSessions(): Promise<void> {
  await (await sessionsRepository()).removeExpired(now());
}
