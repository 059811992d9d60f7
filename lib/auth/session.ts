import "server-only";
import { getIronSession, type SessionOptions } from "iron-session";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getServerConfig } from "@/lib/config/server-config";
import { findUserById, type User } from "./users";

/** What the sealed cookie holds: only the user's id; role and name are read fresh on every request. */
export type SessionData = { userId?: number; signedInAt?: number };

export const SESSION_COOKIE = "sounding_session";
/** Sessions last 14 days from sign-in; signing out or removing the user ends them at once. */
export const SESSION_TTL_SECONDS = 14 * 24 * 60 * 60;

/** Secure cookies when the request reached us over https (directly or through a proxy that says so). */
function isHttps(requestHeaders: Headers): boolean {
  const forwarded = requestHeaders.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return forwarded === "https";
}

function sessionOptions(secure: boolean): SessionOptions {
  return {
    cookieName: SESSION_COOKIE,
    password: getServerConfig().appSecret,
    ttl: SESSION_TTL_SECONDS,
    cookieOptions: { httpOnly: true, sameSite: "lax", secure, path: "/" },
  };
}

export async function getSession() {
  const requestHeaders = await headers();
  return getIronSession<SessionData>(await cookies(), sessionOptions(isHttps(requestHeaders)));
}

/** The signed-in user, or null. Cached per request, so layouts and pages share one lookup. */
export const getCurrentUser = cache(async (): Promise<User | null> => {
  const session = await getSession();
  if (typeof session.userId !== "number") return null;
  return findUserById(session.userId);
});
