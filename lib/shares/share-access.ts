import "server-only";
import { ApiError, isApiError } from "@/lib/api/errors";
import { shareSlugSchema } from "./share";
import type { ShareRefusal } from "./share-page-state";
import { findPublicShare, type PublicShare } from "./shares-service";
import { readUnlock } from "./unlock-cookie";

/**
 * Whether a share link may show its figures to this browser: the slug's shape first (a hostile path never
 * reaches the database), then the share's state, then its password (a valid unlock cookie for this share at
 * its current epoch). The page, the data route, the unlock form and the logo all decide it here.
 */
export type ShareAccess =
  | { status: "refused"; reason: ShareRefusal }
  | { status: "locked"; share: PublicShare }
  | { status: "open"; share: PublicShare };

export async function openShare(slug: string, unlockCookie: string | undefined): Promise<ShareAccess> {
  if (!shareSlugSchema.safeParse(slug).success) return { status: "refused", reason: "not_found" };
  const share = await findPublicShare(slug);
  if (!share) return { status: "refused", reason: "not_found" };
  if (share.state !== "active") return { status: "refused", reason: share.state };
  if (share.passwordHash === null) return { status: "open", share };
  return (await readUnlock(unlockCookie, share)) ? { status: "open", share } : { status: "locked", share };
}

const REFUSALS: Record<ShareRefusal, { title: string; message: string; status: number }> = {
  not_found: {
    title: "This link does not work",
    message: "Check that it was copied whole, or ask the team that sent it for the link again.",
    status: 404,
  },
  paused: {
    title: "This link is paused",
    message: "The team that sent it has paused it for now. Ask them when it will be back.",
    status: 403,
  },
  expired: {
    title: "This link has expired",
    message: "It was shared until a set date, which has passed. Ask the team that sent it for a new link.",
    status: 410,
  },
  revoked: {
    title: "This link was turned off",
    message: "The team that sent it has turned it off. Ask them for a new link if you still need it.",
    status: 410,
  },
  gone: {
    title: "The shared report is no longer available",
    message: "What this link showed has been removed. Ask the team that sent it for a new link.",
    status: 410,
  },
};

/** The title and message of the page a refused link shows. */
export function refusalText(reason: ShareRefusal): { title: string; message: string } {
  const { title, message } = REFUSALS[reason];
  return { title, message };
}

/** The data route's answer for a refused link: 404, 403 (paused: it may come back) or 410 (it will not). */
export function refusalError(reason: ShareRefusal): ApiError {
  const { title, message, status } = REFUSALS[reason];
  return new ApiError(status, `share_${reason}`, `${title}. ${message}`);
}

/** True for refusalError("gone"): the shared report or dashboard was deleted (./share-run.ts throws it). */
export function isShareGone(error: unknown): boolean {
  return isApiError(error) && error.code === "share_gone";
}

export const shareLocked = () =>
  new ApiError(401, "share_locked", "This link is protected by a password. Open it in a browser and enter the password first.");

/**
 * What every answer under `/share/<slug>` carries: never cached by anyone (an unlocked answer is for this
 * browser only; a revoked link must stop at once), never indexed, and no Referer that would carry the slug
 * to another site.
 */
export const SHARE_HEADERS: Readonly<Record<string, string>> = {
  "Cache-Control": "no-store",
  "X-Robots-Tag": "noindex, nofollow",
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
};

/** `response` with SHARE_HEADERS set (an error answer made by lib/api/route.ts's jsonError, say). */
export function withShareHeaders(response: Response): Response {
  for (const [name, value] of Object.entries(SHARE_HEADERS)) response.headers.set(name, value);
  return response;
}
