/**
 * Whether a share's link shows anything right now. Pure and isomorphic: the admin list and the public page
 * decide it the same way, from the stored columns and a clock.
 */
import type { ShareState } from "./share";

export type ShareStateInput = { paused: boolean; revokedAt: string | null; expiresAt: string | null };

/**
 * Revoked is final, so it wins; an expired share stays expired while paused or resumed (resuming does not
 * extend it: only a new expiry does); only then does pausing matter.
 */
export function shareStateOf(share: ShareStateInput, now: Date): ShareState {
  if (share.revokedAt !== null) return "revoked";
  if (share.expiresAt !== null && Date.parse(share.expiresAt) <= now.getTime()) return "expired";
  return share.paused ? "paused" : "active";
}
