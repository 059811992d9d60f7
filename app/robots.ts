import type { MetadataRoute } from "next";

/**
 * `/robots.txt` (reachable without signing in: see proxy.ts). Nothing of Sounding is for search engines:
 * the team's pages sit behind sign-in, and share pages (`/share/<slug>`) are for the team's clients only.
 * `/share/` is named on its own so it stays excluded if the rest is ever opened up.
 *
 * robots.txt only asks crawlers not to fetch; a URL linked from elsewhere can still be listed. So every
 * page also says `noindex, nofollow` in its metadata (app/layout.tsx, inherited by every page, share pages
 * included); a share layout that sets its own `robots` metadata must keep `{ index: false, follow: false }`.
 */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", disallow: ["/share/", "/"] },
  };
}
