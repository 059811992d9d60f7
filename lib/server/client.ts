import "server-only";
import { PEER_HEADER, PROTO_HEADER } from "@/scripts/edge-guard.mjs";
import { getServerConfig } from "@/lib/config/server-config";

/**
 * What the server believes about the client of a request: its address, its scheme and the origin it asked
 * for. The production edge (scripts/serve.mjs) decides these from the socket, or from a reverse proxy's
 * X-Forwarded-* headers when TRUST_PROXY says one is in front, and removes what it did not believe. Without
 * the edge (`next dev`) nothing forwarded is believed: the address is unknown and the scheme is http.
 */
type Edge = { trustHops: number };
const edge = () => (globalThis as typeof globalThis & { __soundingEdge?: Edge }).__soundingEdge;

type HeaderSource = Pick<Headers, "get">;

/** The client's IP address as the edge saw it, or "unknown" (every unknown client then shares one limit). */
export function clientAddress(headers: HeaderSource): string {
  if (!edge()) return "unknown";
  return headers.get(PEER_HEADER)?.slice(0, 64) || "unknown";
}

/** True when the client reached us over https (directly or through a trusted proxy that says so). */
export function isHttps(headers: HeaderSource): boolean {
  if (edge()) return headers.get(PROTO_HEADER) === "https";
  return getServerConfig().PUBLIC_URL?.startsWith("https:") ?? false;
}

/**
 * The origin the request was addressed to: scheme, host and port. The host comes from X-Forwarded-Host only
 * behind a trusted proxy (the edge removes it otherwise), else from Host. Null when there is no usable host.
 */
export function ownOrigin(headers: HeaderSource): string | null {
  const trusted = (edge()?.trustHops ?? 0) > 0;
  const host = (trusted ? headers.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined) || headers.get("host");
  if (!host) return null;
  try {
    return new URL(`${isHttps(headers) ? "https" : "http"}://${host}`).origin;
  } catch {
    return null;
  }
}

/** The origins a same-origin write may come from: PUBLIC_URL's, and the one the request was addressed to. */
export function allowedOrigins(headers: HeaderSource): string[] {
  const own = ownOrigin(headers);
  const configured = getServerConfig().PUBLIC_URL;
  return [configured, own].filter((origin): origin is string => typeof origin === "string");
}

/** Where links people open later are built from (invites, shares): PUBLIC_URL, or the request's own origin. */
export function publicOrigin(headers: HeaderSource): string {
  return getServerConfig().PUBLIC_URL ?? ownOrigin(headers) ?? "http://127.0.0.1:3000";
}
