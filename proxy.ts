import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIE = "sounding_session";
/** Pages anyone may open; everything else needs a session (checked for real by each page). */
const PUBLIC_PAGES = [/^\/login$/, /^\/setup$/, /^\/invite\//, /^\/share\//];

/**
 * An optimistic gate in front of the pages: without a session cookie a protected page redirects to
 * /login at once, and every page learns its own path (for "back here after sign-in"). The real check,
 * the sealed session and the user's role, happens in the page and in the API route wrapper.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isPublic = PUBLIC_PAGES.some((pattern) => pattern.test(pathname));
  if (!isPublic && !request.cookies.has(SESSION_COOKIE)) {
    const login = new URL("/login", request.url);
    if (pathname !== "/") login.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  const headers = new Headers(request.headers);
  headers.set("x-sounding-path", `${pathname}${search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Pages only: API routes answer 401 JSON themselves; static assets need no session.
  matcher: ["/((?!api/|_next/|favicon.ico|robots.txt|.*\\.(?:svg|png|jpg|ico|css|js|woff2?)$).*)"],
};
