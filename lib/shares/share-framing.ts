import "server-only";
import { findPublicShare } from "./shares-service";
import { embedOriginSchema, shareSlugSchema } from "./share";

const SHARE_PATH = /^\/share\/([^/]+)(?:\/|$)/;

/**
 * The origins allowed to frame a page under `/share/<slug>` (its `frame-ancestors`), for proxy.ts: the
 * share's own list while the link works, else none. Any other path, a slug of the wrong shape (never looked
 * up), an unknown link or a failing database all give none, so framing is only ever allowed on purpose.
 */
export async function shareFrameAncestors(pathname: string): Promise<string[]> {
  const slug = SHARE_PATH.exec(pathname)?.[1];
  if (!slug || !shareSlugSchema.safeParse(slug).success) return [];
  try {
    const share = await findPublicShare(slug);
    if (!share || share.state !== "active") return [];
    // Checked again as they go into a header: an origin that is not plain would widen or break the policy.
    return share.settings.embedOrigins.filter((origin) => embedOriginSchema.safeParse(origin).success);
  } catch {
    return [];
  }
}
