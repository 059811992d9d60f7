import "server-only";
import { isApiError } from "@/lib/api/errors";
import { logError } from "@/lib/api/log";
import { fathomReportProvider } from "@/lib/fathom/report-provider";
import { runAsActor } from "@/lib/governor/actor";
import type { DatePreset } from "@/lib/query/date-presets";
import { isShareGone, openShare, refusalError, refusalText } from "./share-access";
import { cachedShareView, shareCacheKey, shareViewTtlMs, type CachedShareView } from "./share-cache";
import type { ShareBranding, SharePageState, ShareRefusal } from "./share-page-state";
import { buildShareView, loadShareTarget } from "./share-run";
import type { ShareView } from "./share-view";
import { sharePreset } from "./share-window";
import { recentTargetStamp } from "./target-stamp";
import { recordShareView, type PublicShare } from "./shares-service";
import { unlockLimiter } from "./unlock-limiter";

/**
 * What the public page at `/share/<slug>` shows, decided on the server from the slug, the unlock cookie and
 * the search parameters (all hostile until checked), and the cached answer the page and the data route
 * share.
 */

/**
 * The share's view with `preset`, from the share cache: computed once per refresh interval for everyone,
 * at the "share" priority, and counted against the share (not against whichever viewer came first).
 * Throws 410 `share_gone` when its report or dashboard was deleted.
 */
export async function shareAnswer(share: PublicShare, preset: DatePreset | null, now: Date): Promise<CachedShareView> {
  // The versions are read at most once a second (plain columns of the store, not Fathom), so an edit of the
  // report or dashboard shows within a second; the documents themselves are read only when the view is computed.
  const stamp = await recentTargetStamp(share.target, now.getTime());
  if (stamp === null) throw refusalError("gone");
  const key = shareCacheKey(share, preset, stamp);
  const ttl = (view: ShareView) => shareViewTtlMs(view, { refreshMinutes: share.settings.refreshMinutes, now });
  return cachedShareView(key, ttl, () =>
    runAsActor(`share:${share.id}`, async () => buildShareView(share, preset, { provider: await fathomReportProvider(), now, load: loadShareTarget })),
  );
}

export type SharePageOptions = {
  /** The `range` search parameter as it came (a repeated one is an array, and refused). */
  range: string | string[] | undefined;
  /** The `unlock` search parameter: "wrong" after a wrong password (anything else is ignored). */
  unlock?: string | string[];
  /** The value of the `sounding_share` cookie. */
  unlockCookie: string | undefined;
  /** The client's address (lib/server/client.ts), for the password throttle's message. */
  address: string;
  now: Date;
};

function branding(share: PublicShare): ShareBranding {
  const { clientName, branding: brand } = share.settings;
  return { clientName, accent: brand.accent, hasLogo: share.hasLogo, madeWith: brand.madeWith };
}

const refused = (reason: ShareRefusal): SharePageState => ({ kind: "refused", reason, ...refusalText(reason) });

function lockedPage(share: PublicShare, { unlock, address }: SharePageOptions): SharePageState {
  const seconds = unlockLimiter().lockedFor(share.id, address);
  if (seconds > 0) return { kind: "locked", branding: branding(share), error: "locked", retryMinutes: Math.ceil(seconds / 60) };
  return { kind: "locked", branding: branding(share), error: unlock === "wrong" ? "wrong" : null, retryMinutes: null };
}

/**
 * The page's state: a refusal, the password form, a refused range (with the ranges that are shared), or the
 * figures. A view is counted only when figures are shown.
 */
export async function loadSharePage(slug: string, options: SharePageOptions): Promise<SharePageState> {
  const access = await openShare(slug, options.unlockCookie);
  if (access.status === "refused") return refused(access.reason);
  const { share } = access;
  // The window is checked only once unlocked: the password form tells nothing of what was shared.
  if (access.status === "locked") return lockedPage(share, options);

  let preset: DatePreset | null;
  try {
    // A repeated parameter is not one of the presets either.
    preset = sharePreset(share.settings.window, Array.isArray(options.range) ? "" : options.range);
  } catch (error) {
    if (!isApiError(error) || error.code !== "range_not_shared") throw error;
    return { kind: "bad_range", branding: branding(share), message: error.message, presets: share.settings.window.presets };
  }

  try {
    const { view } = await shareAnswer(share, preset, options.now);
    // Counting must never cost the viewer the page, nor hold it up.
    recordShareView(share.id).catch((error: unknown) => logError(`Share ${share.id}: a view could not be counted`, error));
    return { kind: "view", view };
  } catch (error) {
    if (isShareGone(error)) return refused("gone");
    throw error;
  }
}
