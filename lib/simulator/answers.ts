/**
 * What a simulator handler answers: a status, a JSON body and headers, turned into a `Response` in
 * one place. Handlers refuse by throwing a `Refusal` carrying Fathom's error shape for the case.
 */

/** `text`, when set, is the body as sent instead of `body` as JSON (injected faults that are not JSON). */
export type Answer = { status: number; body: unknown; headers?: Record<string, string>; text?: string };

export class Refusal extends Error {
  override name = "Refusal";
  constructor(readonly answer: Answer) {
    super(`Fathom simulator answered ${answer.status}`);
  }
}

export function refuse(status: number, body: unknown, headers?: Record<string, string>): never {
  throw new Refusal({ status, body, headers });
}

/** A general error: `{ "error": "…" }`. */
export function refuseWith(status: number, message: string): never {
  return refuse(status, { error: message });
}

/** A validation error: `{ "errors": { "field": ["…"] } }`, status 400. */
export function refuseFields(fields: Record<string, string[]>): never {
  return refuse(400, { errors: fields });
}

export function toResponse(answer: Answer): Response {
  return new Response(answer.text ?? JSON.stringify(answer.body), {
    status: answer.status,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-cache, private", ...answer.headers },
  });
}
