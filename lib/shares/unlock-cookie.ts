import "server-only";
import { sealData } from "iron-session";
import { unsealKept } from "@/lib/auth/kept-unseal";
import { getServerConfig } from "@/lib/config/server-config";
import type { PublicShare } from "./shares-service";

/**
 * The cookie that remembers a share was unlocked in this browser. It says only "share N at epoch E" (sealed
 * with APP_SECRET, never the password), and it is sent only under `/share/<slug>`, where the page, its data
 * and its logo live. A new password, a rotation or a revocation raises the share's epoch, which ends every
 * unlocked browser at once.
 */
export const UNLOCK_COOKIE = "sounding_share";
export const UNLOCK_TTL_SECONDS = 12 * 60 * 60;
/** Longer cookies are not ours (a seal of two numbers is a few hundred bytes). */
const MAX_COOKIE_LENGTH = 4096;

type UnlockData = { s?: unknown; e?: unknown };

/** True only for a seal of this share at its current epoch; anything missing, forged, expired or old is false. */
export async function readUnlock(cookieValue: string | undefined, share: Pick<PublicShare, "id" | "sessionEpoch">): Promise<boolean> {
  if (!cookieValue || cookieValue.length > MAX_COOKIE_LENGTH) return false;
  try {
    const data = await unsealKept<UnlockData>(cookieValue, { password: getServerConfig().appSecret, ttl: UNLOCK_TTL_SECONDS });
    return data.s === share.id && data.e === share.sessionEpoch;
  } catch {
    return false;
  }
}

export type UnlockCookieContext = {
  /** The request came over https (directly or through a trusted proxy). */
  https: boolean;
};

/**
 * The `Set-Cookie` value that unlocks `share` in this browser. An embeddable share over https gets
 * `SameSite=None; Secure; Partitioned` so it also works in a third-party iframe (its own partition, per
 * embedding site); every other share keeps `SameSite=Lax`.
 */
export async function unlockCookieHeader(share: Pick<PublicShare, "id" | "slug" | "sessionEpoch" | "settings">, { https }: UnlockCookieContext): Promise<string> {
  const value = await sealData({ s: share.id, e: share.sessionEpoch }, { password: getServerConfig().appSecret, ttl: UNLOCK_TTL_SECONDS });
  const attributes = [`${UNLOCK_COOKIE}=${value}`, `Path=/share/${share.slug}`, `Max-Age=${UNLOCK_TTL_SECONDS}`, "HttpOnly"];
  if (share.settings.embedOrigins.length > 0 && https) attributes.push("SameSite=None", "Secure", "Partitioned");
  else attributes.push("SameSite=Lax", ...(https ? ["Secure"] : []));
  return attributes.join("; ");
}
