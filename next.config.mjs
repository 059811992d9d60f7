/** @type {import('next').NextConfig} */
const nextConfig = {
  // NEXT_DIST_DIR lets parallel test runs keep separate builds; the default is Next's own `.next`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  reactStrictMode: true,
  poweredByHeader: false,
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ["better-sqlite3", "pg", "ioredis"],
  // Type-checking and lint run in `npm test`; the build does not repeat them.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      // Everything but the client share pages: no framing at all, and our own pages may see where a click came from.
      {
        source: "/:path((?!share(?:/|$)).*)",
        headers: [
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
      // Client share pages: framing is decided per share by the CSP's frame-ancestors (proxy.ts), and a link
      // clicked on a client's page tells the next site nothing, not even that Sounding exists.
      { source: "/share/:path*", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          // A self-hosted team dashboard and its client pages belong in no search index (robots.txt says so too,
          // but a crawler that may not fetch a page never sees its meta tag; this header reaches it anyway).
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
        ],
      },
      // Pages get a per-request policy with a nonce (proxy.ts); JSON answers load nothing and frame nothing.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};

export default nextConfig;
