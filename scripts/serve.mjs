#!/usr/bin/env node
/**
 * The production server: Next.js behind a small edge (scripts/edge-guard.mjs) that refuses requests no route
 * can mean, decides which client address and scheme to believe (TRUST_PROXY), and sets the headers every
 * answer carries. `next start` cannot do this: it lets a client's own X-Forwarded-For stand as its address.
 *
 *   PORT (3000)  HOST (127.0.0.1)  TRUST_PROXY (off)  NEXT_DIST_DIR (.next)
 *
 * Expects a production build (`npm start` makes one when needed).
 */
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { edgeResponseHeaders, guardRequest, parseTrustProxy } from "./edge-guard.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function fail(message) {
  console.error(`[sounding] Invalid configuration:\n  ${message}`);
  process.exit(1);
}

const port = process.env.PORT || "3000";
if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535) fail(`PORT: must be a port number (1-65535), got "${port}"`);
const host = process.env.HOST || "127.0.0.1";
let trustHops = 0;
try {
  trustHops = parseTrustProxy(process.env.TRUST_PROXY);
} catch (error) {
  fail(error.message);
}

process.env.NODE_ENV = "production";
process.env.NEXT_TELEMETRY_DISABLED = "1";
// Tells the app that the edge ran: only then is its client address header believed (lib/server/client.ts).
globalThis.__soundingEdge = { trustHops };

const app = next({ dev: false, dir: root, hostname: host, port: Number(port) });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  const verdict = guardRequest(req, { trustHops });
  if (verdict.refuse) {
    res.writeHead(verdict.refuse.status, verdict.refuse.headers);
    res.end(verdict.refuse.body);
    return;
  }
  for (const [name, value] of Object.entries(edgeResponseHeaders(verdict.facts))) res.setHeader(name, value);
  handle(req, res).catch((error) => {
    console.error("[sounding] request failed", error?.message ?? error);
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ error: { code: "internal_error", message: "Something went wrong on our side." } }));
  });
});
// CONNECT (a proxy tunnel) never reaches the request handler in Node: answer it here rather than drop it.
server.on("connect", (_req, socket) => {
  socket.end('HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: 78\r\n\r\n{"error":{"code":"method_not_allowed","message":"CONNECT is not supported."}}\n');
});
// A slow client cannot hold a connection open for ever (slowloris), and keep-alive ends between requests.
server.headersTimeout = 20_000;
server.requestTimeout = 120_000;
server.keepAliveTimeout = 5_000;
server.listen(Number(port), host, () => {
  console.info(`[sounding] Listening on http://${host.includes(":") ? `[${host}]` : host}:${port}${trustHops ? ` (trusting ${trustHops} proxy hop${trustHops > 1 ? "s" : ""})` : ""}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 3_000).unref();
  });
}
