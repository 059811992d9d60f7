import "server-only";
import { unsealData } from "iron-session";

/**
 * iron-session's `unsealData`, with what it opened kept for a minute. Opening a seal derives its keys with
 * WebCrypto on every call, which was a sixth of a signed-in request's time (a CPU profile of
 * `npm run bench:load`); a browser sends the same cookie with every request. The kept result is keyed by the
 * whole sealed text (authenticated ciphertext: only who holds the cookie can name it), never outlives the
 * seal's own expiry, and only seals that opened are kept, so forged cookies cannot fill it. What a seal says
 * is still checked by its caller (the session in the database, the share's epoch) on every request.
 */
const KEEP_MS = 60_000;
const MAX_KEPT = 10_000;
const kept = new Map<string, { data: unknown; until: number }>();

/** The expiry an iron seal carries (`Fe26.2*…*expiration*…`, ms since the epoch), or null when it has none. */
function sealExpiry(seal: string): number | null {
  const expiration = seal.split("*")[5];
  return expiration && /^\d+$/.test(expiration) ? Number(expiration) : null;
}

export async function unsealKept<T>(seal: string, { password, ttl }: { password: string; ttl: number }, now = Date.now()): Promise<T> {
  const key = `${ttl}:${seal}`;
  const known = kept.get(key);
  if (known && now < known.until) return known.data as T;
  const data = await unsealData<T>(seal, { password, ttl });
  // An empty answer is what iron-session gives for an expired or unreadable seal: nothing to keep.
  if (typeof data === "object" && data !== null && Object.keys(data).length > 0) {
    const expiry = sealExpiry(seal);
    if (kept.size >= MAX_KEPT) kept.clear();
    kept.set(key, { data, until: Math.min(now + KEEP_MS, expiry ?? now + KEEP_MS) });
  }
  return data;
}
