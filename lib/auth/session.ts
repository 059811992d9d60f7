import "server-only";
import { sealData } from "iron-session";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getServerConfig } from "@/lib/config/server-config";
import { clientAddress, isHttps } from "@/lib/server/client";
import { unsealKept } from "./kept-unseal";
import { createSession, endSessionByToken, findSession, SESSION_TTL_SECONDS } from "./sessions";
import { findUserById, type User } from "./users";

/** What the sealed cookie holds: the session's random token. Who the user is, and their role, come from the database. */
export type SessionData = { token?: string };

export const SESSION_COOKIE = "sounding_session";
/** Marks a browser that has signed in to an account before: it is not locked out by others' failed guesses. */
export const DEVICE_COOKIE = "sounding_device";
const DEVICE_TTL_SECONDS = 365 * 24 * 60 * 60;
/** Longer cookies are not ours (iron-session seals are a few hundred bytes). */
const MAX_COOKIE_LENGTH = 4096;

type DeviceData = { email?: string };

/** Reads a sealed cookie; anything missing, forged, expired or malformed is simply no data. */
async function readSealed<T extends object>(name: string, ttl: number): Promise<Partial<T>> {
  const raw = (await cookies()).get(name)?.value;
  if (!raw || raw.length > MAX_COOKIE_LENGTH) return {};
  try {
    const data = await unsealKept<T>(raw, { password: getServerConfig().appSecret, ttl });
    return typeof data === "object" && data !== null ? data : {};
  } catch {
    return {};
  }
}

async function cookieOptions(maxAge: number) {
  return { httpOnly: true, sameSite: "lax" as const, secure: isHttps(await headers()), path: "/", maxAge };
}

async function sessionToken(): Promise<string | null> {
  const { token } = await readSealed<SessionData>(SESSION_COOKIE, SESSION_TTL_SECONDS);
  return typeof token === "string" ? token : null;
}

/** The signed-in user and their session's id, or null. Cached per request, so layouts and pages share one lookup. */
export const getCurrentSession = cache(async (): Promise<{ user: User; sessionId: string } | null> => {
  const token = await sessionToken();
  if (!token) return null;
  const session = await findSession(token);
  if (!session) return null;
  const user = await findUserById(session.userId);
  return user ? { user, sessionId: session.id } : null;
});

/** The signed-in user, or null. */
export const getCurrentUser = cache(async (): Promise<User | null> => (await getCurrentSession())?.user ?? null);

/** Starts a session for the user in this browser (route handlers only: it sets cookies). */
export async function signIn(user: Pick<User, "id" | "email">): Promise<void> {
  const requestHeaders = await headers();
  const token = await createSession(user.id, {
    userAgent: requestHeaders.get("user-agent") ?? "",
    address: clientAddress(requestHeaders),
  });
  const password = getServerConfig().appSecret;
  const store = await cookies();
  store.set(SESSION_COOKIE, await sealData({ token } satisfies SessionData, { password, ttl: SESSION_TTL_SECONDS }), await cookieOptions(SESSION_TTL_SECONDS));
  store.set(DEVICE_COOKIE, await sealData({ email: user.email } satisfies DeviceData, { password, ttl: DEVICE_TTL_SECONDS }), await cookieOptions(DEVICE_TTL_SECONDS));
}

/** Ends this browser's session, in the database (so a copied cookie is worthless) and in the browser. */
export async function signOut(): Promise<void> {
  const token = await sessionToken();
  if (token) await endSessionByToken(token);
  (await cookies()).delete(SESSION_COOKIE);
}

/** Forgets this browser's session cookie without touching the database (after its session was ended elsewhere). */
export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
}

/** The account this browser last signed in to, if any (the sign-in throttle exempts it from others' guesses). */
export async function knownDeviceEmail(): Promise<string | null> {
  const { email } = await readSealed<DeviceData>(DEVICE_COOKIE, DEVICE_TTL_SECONDS);
  return typeof email === "string" ? email : null;
}
