import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { SkipLink } from "@/components/app-shell/skip-link";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Sounding", template: "%s · Sounding" },
  description: "Ad-hoc reports on your Fathom Analytics data",
  applicationName: "Sounding",
  // Nothing here is for search engines; share pages are for the team's clients only (see app/robots.ts).
  robots: { index: false, follow: false },
  manifest: "/manifest.webmanifest",
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: { url: "/apple-touch-icon.png", sizes: "180x180" },
  },
};

/** The browser's toolbar in the header's colour (`--surface` in app/globals.css, light and dark). */
export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#141a24" },
  ],
};

/**
 * The React Query provider lives in the team's layout (app/(team)/layout.tsx), not here: the client share
 * pages (app/share) are server-rendered and must not ship a query client they never use.
 *
 * The skip link comes first in every page's body, before any header: see components/app-shell/skip-link.tsx.
 *
 * Every page is rendered per request: the Content-Security-Policy's nonce (proxy.ts) is new each time, and a
 * page prerendered at build time would carry none, so its scripts would be refused.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <SkipLink />
        {children}
      </body>
    </html>
  );
}
