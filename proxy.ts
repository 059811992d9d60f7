import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/server/csp";
import { shareFrameAncestors } from "@/lib/shares/share-framing";
import { PROTO_HEADER } from "@/scripts/edge-guard.mjs";

const SESSION_COOKIE = "sounding_session";
/** Pages anyone may open; everything else needs a session (checked for real by each page). */
const PUBLIC_PAGES = [/^\/login$/, /^\/setup$/, /^\/invite\//, /^\/share\//];

/**
 * In front of every page: a fresh CSP nonce (Next.js puts it on its scripts when it finds the policy among
 * the request headers) with the frame-ancestors a client share allows, an optimistic gate (without a session cookie a protected page redirects to /login at
 * once) and the page's own path for "back here after sign-in". The real check, the session in the database
 * and the user's role, happens in the page and in the API route wrapper.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isPublic = PUBLIC_PAGES.some((pattern) => pattern.test(pathname));
  if (!isPublic && !request.cookies.has(SESSION_COOKIE)) {
    // Next.js wants an absolute Location; the edge (scripts/serve.mjs) has removed any forwarded host it did not trust.
    const login = request.nextUrl.clone();
    login.pathname = "/login";
    login.search = pathname === "/" ? "" : `?next=${encodeURIComponent(`${pathname}${search}`)}`;
    return NextResponse.redirect(login);
  }
  const csp = contentSecurityPolicy({
    nonce: newNonce(),
    dev: process.env.NODE_ENV === "development",
    https: request.headers.get(PROTO_HEADER) === "https",
    // A client share may name the sites allowed to embed it; every other page frames nowhere.
    frameAncestors: pathname.startsWith("/share/") ? await shareFrameAncestors(pathname) : [],
  });
  const headers = new Headers(request.headers);
  headers.set("x-sounding-path", `${pathname}${search}`);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Pages only: API routes answer 401 JSON themselves; static assets and the metadata routes (app/robots.ts,
  // app/manifest.ts: browsers fetch the manifest without cookies) need no session; a client share's data,
  // logo and unlock routes set their own headers and must stay as cheap as a trivial route.
  matcher: ["/((?!api/|_next/|share/[^/]+/(?:data|logo|unlock)$|(?:favicon\\.ico|robots\\.txt|manifest\\.webmanifest)$|.*\\.(?:svg|png|jpg|ico|css|js|woff2?)$).*)"],
};
