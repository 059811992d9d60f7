/**
 * The first thing every request meets, before Next.js sees it (scripts/serve.mjs). Plain JavaScript so the
 * production server needs no compiler. It refuses what no route of Sounding can mean (methods such as TRACE,
 * paths whose percent-encoding does not decode, bodies declared larger than any route accepts), and it decides
 * once which client facts are believed: the socket's address and scheme, or a reverse proxy's X-Forwarded-*
 * headers when TRUST_PROXY says one is in front. Untrusted forwarding headers are removed, so neither Next.js
 * (which builds `request.url` from them) nor any route can be lied to.
 */

/** Methods some route or page of Sounding answers. Everything else (TRACE, CONNECT, PROPFIND…) is a 405. */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** No route accepts more than this; each route enforces its own, smaller limit while streaming (lib/api/route.ts). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Headers only the edge may set: whatever a client sends under these names is dropped first. */
export const PEER_HEADER = "x-sounding-peer";
export const PROTO_HEADER = "x-sounding-proto";

const FORWARDING_HEADERS = ["forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip"];
// Control characters in a decoded path are never part of a page or resource name.
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * TRUST_PROXY: unset, "", "false" or "0" believe no forwarding header; "true" believes one proxy in front;
 * a whole number N believes N proxies (the client is the N-th address from the right of X-Forwarded-For).
 * Returns the number of trusted hops, or throws with a message naming the variable.
 */
export function parseTrustProxy(value) {
  const text = (value ?? "").trim().toLowerCase();
  if (text === "" || text === "false" || text === "0" || text === "off" || text === "no") return 0;
  if (text === "true" || text === "on" || text === "yes") return 1;
  if (/^\d{1,2}$/.test(text)) return Number(text);
  throw new Error(`TRUST_PROXY: must be true, false or a number of proxies (got "${value}")`);
}

function first(value) {
  return (Array.isArray(value) ? value[0] : value) ?? undefined;
}

function list(value) {
  const text = Array.isArray(value) ? value.join(",") : (value ?? "");
  return text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
}

/** `::ffff:127.0.0.1` → `127.0.0.1`, so one client has one address whichever socket family it used. */
export function normaliseAddress(address) {
  if (!address) return "unknown";
  const bare = address.replace(/^\[|\]$/g, "");
  return bare.startsWith("::ffff:") && bare.includes(".") ? bare.slice(7) : bare;
}

/**
 * What the edge believes about the client: its address and scheme, and the host to build URLs from. With
 * trusted hops, X-Forwarded-For's N-th entry from the right (each trusted proxy appends the address it saw).
 */
export function clientFacts(headers, socket, trustHops) {
  const socketProto = socket.encrypted ? "https" : "http";
  const peer = normaliseAddress(socket.remoteAddress);
  if (trustHops <= 0) return { address: peer, proto: socketProto };
  const chain = list(headers["x-forwarded-for"]);
  const address = chain.length === 0 ? peer : normaliseAddress(chain[Math.max(0, chain.length - trustHops)]);
  const forwardedProto = list(headers["x-forwarded-proto"])[0]?.toLowerCase();
  const proto = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : socketProto;
  return { address, proto };
}

/**
 * True when every %XX escape of the path decodes to UTF-8, nothing decodes to a control character, and no
 * segment is a dot segment (`.`, `..`, however encoded): no page or id of Sounding is named so, and a path
 * that climbs is either an attack or a mistake.
 */
export function isCleanPath(path) {
  let decoded;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return false;
  }
  if (CONTROL.test(decoded)) return false;
  return !path.split("/").some((segment) => {
    const plain = decodeURIComponent(segment).trim();
    return plain === "." || plain === "..";
  });
}

function refusal(status, code, message, extraHeaders = {}) {
  return { status, headers: { "Content-Type": "application/json", "Cache-Control": "no-store", Connection: "close", ...extraHeaders }, body: JSON.stringify({ error: { code, message } }) };
}

/**
 * Looks at a request (Node's IncomingMessage: method, url, headers, socket) and either refuses it
 * (`{ refuse: { status, headers, body } }`) or rewrites its headers in place and returns the client facts.
 */
export function guardRequest(req, { trustHops }) {
  const method = (req.method ?? "").toUpperCase();
  if (!ALLOWED_METHODS.includes(method)) {
    return { refuse: refusal(405, "method_not_allowed", `${method || "This method"} is not supported.`, { Allow: ALLOWED_METHODS.join(", ") }) };
  }
  const target = req.url ?? "";
  if (!target.startsWith("/") || target.startsWith("//")) {
    return { refuse: refusal(400, "bad_request_target", "The request target must be a path on this server.") };
  }
  const path = target.split(/[?#]/, 1)[0];
  if (!isCleanPath(path)) {
    return { refuse: refusal(400, "malformed_path", "The address has a malformed percent-encoding or a control character.") };
  }
  const declared = first(req.headers["content-length"]);
  if (declared !== undefined && (!/^\d+$/.test(declared) || Number(declared) > MAX_BODY_BYTES)) {
    return { refuse: refusal(413, "body_too_large", `The request body is larger than ${MAX_BODY_BYTES} bytes.`) };
  }

  const facts = clientFacts(req.headers, req.socket ?? {}, trustHops);
  if (trustHops <= 0) for (const name of FORWARDING_HEADERS) delete req.headers[name];
  delete req.headers[PEER_HEADER];
  delete req.headers[PROTO_HEADER];
  req.headers[PEER_HEADER] = facts.address;
  req.headers[PROTO_HEADER] = facts.proto;
  return { facts };
}

/**
 * Headers only the edge can decide, set before Next.js writes its own (next.config.mjs sets the fixed ones):
 * HSTS, sent only over https as RFC 6797 says, and only the edge knows whether the client used https.
 */
export function edgeResponseHeaders(facts) {
  return facts.proto === "https" ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {};
}
