import "server-only";

/**
 * JSON with object keys sorted at every depth and `undefined`/`null` members left out, so two objects
 * that mean the same thing serialise to the same string whatever order their keys were written in.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalize(value));
}

function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalize);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined && member !== null) out[key] = normalize(member);
    }
    return out;
  }
  return value;
}

export type RequestKeyInput = {
  /** What is asked upstream, e.g. `aggregations` or `current_visitors`. */
  operation: string;
  /** The request's parameters as plain data. */
  params: Record<string, unknown>;
  /** Identifies the token the answer was produced with (a fingerprint, never the token itself). */
  fingerprint: string;
  /** Parameters whose arrays are sets: their order carries no meaning, so it is sorted away. */
  unordered?: readonly string[];
};

/**
 * The canonical key of an upstream request: same operation, same meaning, same token ⇒ same key. Used
 * for single-flight and as the cache key, so it must never contain the token.
 */
export function requestKey({ operation, params, fingerprint, unordered = [] }: RequestKeyInput): string {
  const canonical: Record<string, unknown> = { ...params };
  for (const name of unordered) {
    const list = canonical[name];
    if (Array.isArray(list)) {
      canonical[name] = list
        .map((item) => ({ item, text: canonicalJson(item) }))
        .sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
        .map(({ item }) => item);
    }
  }
  return canonicalJson([operation, fingerprint, canonical]);
}
