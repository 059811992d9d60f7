#!/usr/bin/env node
/**
 * `npm start`: builds the production app if needed, then serves it on PORT (default 3000) and HOST
 * (default 127.0.0.1; set HOST=0.0.0.0 to listen on every interface) through Sounding's edge
 * (scripts/serve.mjs). The server validates its configuration at start (instrumentation.ts) and stops with a
 * message naming a bad variable.
 */
import { buildIfNeeded } from "./build-if-needed.mjs";

const port = process.env.PORT || "3000";
if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
  console.error(`[sounding] Invalid configuration:\n  PORT: must be a port number (1-65535), got "${port}"`);
  process.exit(1);
}

const status = buildIfNeeded();
if (status !== 0) process.exit(status);
await import("./serve.mjs");
