import type { MetadataRoute } from "next";

/**
 * The web app manifest (`/manifest.webmanifest`, reachable without signing in: see proxy.ts). Colours are
 * app/globals.css's light theme: the header's surface for the title bar (as app/layout.tsx's viewport),
 * the canvas behind the splash screen. The icons are in public/ (icon.svg draws the same mark as the PNGs).
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Sounding",
    short_name: "Sounding",
    description: "Ad-hoc reports on your Fathom Analytics data",
    start_url: "/",
    scope: "/",
    display: "standalone",
    theme_color: "#ffffff",
    background_color: "#f8f9fb",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
      { src: "/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
