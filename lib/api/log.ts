import "server-only";

/**
 * Secrets that must never appear in a log line. On `globalThis`, so the instrumentation bundle and every
 * separately bundled route handler redact the same set; a Set, so registering the token in use on every
 * connection does not grow it. Tokens an admin only tested are kept too, up to a bound.
 */
const MAX_SECRETS = 100;
const holder = globalThis as typeof globalThis & { __soundingSecrets?: Set<string> };
const secrets = (holder.__soundingSecrets ??= new Set<string>());

const BEARER = /Bearer\s+[A-Za-z0-9._~+/=-]+/gi;

/** Registers a secret (a Fathom token) that must never appear in a log line. */
export function registerSecret(secret: string | undefined) {
  if (!secret || secret.length < 4) return;
  secrets.delete(secret);
  secrets.add(secret);
  if (secrets.size > MAX_SECRETS) secrets.delete(secrets.values().next().value!);
}

export function redact(text: string): string {
  let clean = text.replace(BEARER, "Bearer [redacted]");
  for (const secret of secrets) clean = clean.split(secret).join("[redacted]");
  return clean;
}

/** Logs an error's name, message and stack with every known secret removed. */
export function logError(context: string, error: unknown) {
  const detail = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ""}` : String(error);
  console.error(`[sounding] ${context}: ${redact(detail)}`);
}
