import type { NextRequest } from "next/server";
import { ApiError, forbidden } from "@/lib/api/errors";
import { logError } from "@/lib/api/log";
import { readBodyText, toErrorResponse } from "@/lib/api/route";
import { verifyPassword } from "@/lib/auth/password";
import { allowedOrigins, clientAddress, isHttps } from "@/lib/server/client";
import { shareSlugSchema } from "@/lib/shares/share";
import { openShare, refusalError, SHARE_HEADERS, withShareHeaders } from "@/lib/shares/share-access";
import { recordUnlockFailure } from "@/lib/shares/shares-service";
import { unlockCookieHeader } from "@/lib/shares/unlock-cookie";
import { unlockLimiter } from "@/lib/shares/unlock-limiter";

type Context = { params: Promise<{ slug: string }> };

/** A password and a preset name fit many times over; anything larger is not our form. */
const MAX_BODY_BYTES = 4 * 1024;

/**
 * Only the share's own page may post its password form: a cross-site form would let any other site make
 * its visitors' browsers guess passwords from their many addresses (lib/api/route.ts checks writes alike).
 */
function assertOwnPage(request: NextRequest) {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw forbidden("Cross-site requests are not allowed.");
  const origin = request.headers.get("origin");
  // The share page sends `Referrer-Policy: no-referrer`, so its own form posts with `Origin: null`; the
  // browser's Sec-Fetch-Site then vouches that it came from this origin. Without that header, null is refused.
  if (origin === "null" && site === "same-origin") return;
  if (origin !== null && !allowedOrigins(request.headers).includes(origin)) throw forbidden("Cross-site requests are not allowed.");
}

/** The form's fields: one password, at most one range, and `embed=1` from a page inside an allowed frame. */
async function readForm(request: NextRequest): Promise<{ password: string; range: string | undefined; embed: "1" | undefined }> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") {
    throw new ApiError(415, "unsupported_media_type", "Send the password from the page's form.");
  }
  const form = new URLSearchParams(await readBodyText(request, MAX_BODY_BYTES));
  const passwords = form.getAll("password");
  const ranges = form.getAll("range");
  const embeds = form.getAll("embed");
  if (passwords.length !== 1 || ranges.length > 1 || embeds.length > 1 || (embeds.length === 1 && embeds[0] !== "1")) {
    throw new ApiError(400, "invalid_input", "Send the password from the page's form.");
  }
  return { password: passwords[0]!, range: ranges[0], embed: embeds.length === 1 ? "1" : undefined };
}

/** The share's page (a checked slug), with these search parameters. */
function pageHref(slug: string, search: { range?: string; embed?: "1"; unlock?: string }): string {
  const query = new URLSearchParams(Object.entries(search).filter((entry): entry is [string, string] => entry[1] !== undefined)).toString();
  return `/share/${slug}${query ? `?${query}` : ""}`;
}

/** Back to the page after the form (303: the browser follows with a GET). */
function seeOther(location: string, cookie?: string): Response {
  const headers = new Headers({ ...SHARE_HEADERS, Location: location });
  if (cookie) headers.set("Set-Cookie", cookie);
  return new Response(null, { status: 303, headers });
}

/**
 * `POST /share/<slug>/unlock`: the password form. Every attempt is counted before the password is checked
 * (5 wrong ones in 15 minutes lock this address out of this share); a right one sets the unlock cookie and
 * goes back to the page, a wrong one goes back to the page saying so. Locked out, or a link that does not
 * work (any more): back to the page, which says why.
 */
export async function POST(request: NextRequest, { params }: Context): Promise<Response> {
  try {
    assertOwnPage(request);
    const { slug } = await params;
    // Never redirect to a path made of a hostile slug.
    if (!shareSlugSchema.safeParse(slug).success) throw refusalError("not_found");
    const { password, range, embed } = await readForm(request);

    const access = await openShare(slug, undefined);
    if (access.status !== "locked") return seeOther(pageHref(slug, { embed }));
    const { share } = access;
    // Keep the range the viewer was looking at, when it is one the share shows (never hostile text in a Location).
    const shown = share.settings.window.presets.find((preset) => preset === range);

    // An empty field can never be right: no attempt spent, no scrypt run.
    if (password === "") return seeOther(pageHref(slug, { range: shown, embed, unlock: "wrong" }));
    const limiter = unlockLimiter();
    const reservation = limiter.reserve(share.id, clientAddress(request.headers));
    // The page shows how long this address must wait.
    if (!reservation.ok) return seeOther(pageHref(slug, { range: shown, embed }));
    if (await verifyPassword(password, share.passwordHash ?? "")) {
      limiter.succeeded(reservation.ticket);
      return seeOther(pageHref(slug, { range: shown, embed }), await unlockCookieHeader(share, { https: isHttps(request.headers) }));
    }
    await recordUnlockFailure(share.id).catch((error: unknown) => logError(`Share ${share.id}: a failed unlock could not be counted`, error));
    return seeOther(pageHref(slug, { range: shown, embed, unlock: "wrong" }));
  } catch (error) {
    return withShareHeaders(toErrorResponse(error));
  }
}
