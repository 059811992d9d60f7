import "server-only";

const redactors: Array<(text: string) => string> = [
  (text) => text.replace(/Bearer\s+[A-Za-z0-9._~+/=-]+/gi, "Bearer [redacted]"),
];

/** Registers a secret (the Fathom token) that must never appear in a log line. */
export function registerSecret(secret: string | undefined) {
  if (!secret || secret.length < 4) return;
  redactors.push((text) => text.split(secret).join("[redacted]"));
}

export function redact(text: string): string {
  return redactors.reduce((acc, fn) => fn(acc), text);
}

/** Logs an error's name, message and stack with every known secret removed. */
export function logError(context: string, error: unknown) {
  const detail = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ""}` : String(error);
  console.error(`[sounding] ${context}: ${redact(detail)}`);
}
