/**
 * The Content-Security-Policy of every page. Scripts run only with this response's nonce (Next.js puts it on
 * its own scripts when it finds the policy in the request headers: proxy.ts), `'strict-dynamic'` lets those
 * load their chunks, and nothing may `eval` in production. Styles may be inline: React and the charts set
 * style attributes, which cannot carry a nonce. No page may be framed (`frame-ancestors 'none'`); share pages
 * will name the sites allowed to embed them. Pure, so the proxy and tests share it.
 */
export type CspOptions = { nonce: string; dev: boolean; https: boolean; frameAncestors?: readonly string[] };

export function contentSecurityPolicy({ nonce, dev, https, frameAncestors = [] }: CspOptions): string {
  const directives: Array<[string, string[]]> = [
    ["default-src", ["'self'"]],
    ["script-src", ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])]],
    ["style-src", ["'self'", "'unsafe-inline'"]],
    ["img-src", ["'self'", "data:", "blob:"]],
    ["font-src", ["'self'"]],
    ["connect-src", ["'self'", ...(dev ? ["ws:", "wss:"] : [])]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'none'"]],
    ["form-action", ["'self'"]],
    ["frame-ancestors", frameAncestors.length > 0 ? [...frameAncestors] : ["'none'"]],
  ];
  const policy = directives.map(([name, values]) => `${name} ${values.join(" ")}`);
  if (https) policy.push("upgrade-insecure-requests");
  return policy.join("; ");
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
