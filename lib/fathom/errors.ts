import "server-only";
import { ApiError, type ConvertibleToApiError } from "@/lib/api/errors";

/**
 * Everything that can go wrong talking to Fathom, as one error type. Callers branch on `kind` (or on
 * `status` and `retryAfterSeconds`, as the governor does), never on the message text: Fathom's own
 * texts "may change over time" (errors-page.txt).
 */
export type FathomErrorKind =
  | "validation" // 400 with `errors: { field: [...] }`, or our own check before sending
  | "bad_request" // 400 with `error: "..."` (permissions, hourly range, lapsed subscription, ...)
  | "unauthorized" // 401
  | "not_found" // 404
  | "gone" // 410: the retired wipe endpoints
  | "unprocessable" // 422: incompatible fields or groupings
  | "rate_limited" // 429, rate or concurrency limit
  | "server" // 500 and other unexpected 5xx
  | "unavailable" // 503 (and 502/504 from something in front of Fathom)
  | "network" // no answer at all
  | "timeout" // no answer in time
  | "invalid_response"; // an answer we cannot read: not JSON, or not the documented shape

type FathomErrorInit = {
  kind: FathomErrorKind;
  /** HTTP status Fathom answered with; 0 when no answer came (network, timeout) or nothing was sent. */
  status: number;
  message: string;
  /** Fathom's (or our) messages per field, for validation errors. */
  fields?: Record<string, string[]>;
  /** From `Retry-After` on 429 and 503, in whole seconds. */
  retryAfterSeconds?: number;
  /** False when the request was refused here, before anything was sent. */
  sent?: boolean;
  cause?: unknown;
};

/** A brand that survives bundling (see isApiError): one symbol per process. */
const FATHOM_ERROR = Symbol.for("sounding.fathom-error");

/** True for a FathomError from any bundle. */
export function isFathomError(value: unknown): value is FathomError {
  return typeof value === "object" && value !== null && (value as { [FATHOM_ERROR]?: unknown })[FATHOM_ERROR] === true;
}

export class FathomError extends Error implements ConvertibleToApiError {
  override name = "FathomError";
  readonly [FATHOM_ERROR] = true;
  readonly kind: FathomErrorKind;
  readonly status: number;
  readonly fields: Record<string, string[]> | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly sent: boolean;

  constructor(init: FathomErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status;
    this.fields = init.fields;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.sent = init.sent ?? true;
  }

  /** What a Sounding user sees: written for them, pointing at who can fix it. Never carries the token. */
  toApiError(): ApiError {
    switch (this.kind) {
      case "validation":
        return this.sent
          ? new ApiError(400, "fathom_validation", `Fathom did not accept the request: ${firstFieldMessage(this.fields) ?? this.message}`, {
              fields: this.fields,
            })
          : new ApiError(400, "invalid_query", this.message, { fields: this.fields });
      case "bad_request":
        return new ApiError(400, "fathom_bad_request", `Fathom refused the request: ${this.message}`);
      case "unauthorized":
        return new ApiError(
          502,
          "fathom_unauthorized",
          "Fathom rejected the API token; an admin can fix it in Settings → Fathom connection.",
        );
      case "not_found":
        return new ApiError(404, "fathom_not_found", "Fathom has no such site, event or milestone, or the token may not see it.");
      case "gone":
        return new ApiError(410, "fathom_gone", this.message);
      case "unprocessable":
        return new ApiError(422, "fathom_unprocessable", `Fathom can't combine these fields in one report: ${this.message}`);
      case "rate_limited": {
        const wait = this.retryAfterSeconds ?? 60;
        return new ApiError(429, "fathom_rate_limited", `Fathom's request limit is reached; try again in ${wait} s.`, {
          retryAfter: wait,
        });
      }
      case "unavailable":
        return new ApiError(
          503,
          "fathom_unavailable",
          `Fathom is briefly at capacity; try again ${this.retryAfterSeconds === undefined ? "shortly" : `in ${this.retryAfterSeconds} s`}.`,
          this.retryAfterSeconds === undefined ? {} : { retryAfter: this.retryAfterSeconds },
        );
      case "server":
        return new ApiError(502, "fathom_error", `Fathom is failing right now (it answered ${this.status}); try again shortly.`);
      case "network":
        return new ApiError(502, "fathom_unreachable", "Sounding could not reach Fathom; check the server's network and try again.");
      case "timeout":
        return new ApiError(504, "fathom_timeout", "Fathom took too long to answer; try again, or narrow the report.");
      case "invalid_response":
        return new ApiError(502, "fathom_invalid_response", "Fathom sent an answer Sounding could not read (cut off, or not the documented shape); try again shortly.");
    }
  }
}

function firstFieldMessage(fields: Record<string, string[]> | undefined): string | undefined {
  if (!fields) return undefined;
  for (const messages of Object.values(fields)) if (messages[0]) return messages[0];
  return undefined;
}

/** The two retired wipe endpoints: refused here, so no request (and no pageview of quota) is spent. */
export function retiredEndpointError(what: string): FathomError {
  return new FathomError({
    kind: "gone",
    status: 410,
    sent: false,
    message: `${what} was retired by Fathom: the API no longer wipes data. Delete and re-create the item in Fathom instead.`,
  });
}

/**
 * `Retry-After` as whole seconds: either delta-seconds (`120`) or an HTTP date. Undefined when absent
 * or unreadable; a date in the past gives 0.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

const KIND_BY_STATUS: Record<number, FathomErrorKind> = {
  400: "bad_request",
  401: "unauthorized",
  404: "not_found",
  410: "gone",
  422: "unprocessable",
  429: "rate_limited",
  500: "server",
  502: "unavailable",
  503: "unavailable",
  504: "unavailable",
};

function kindForStatus(status: number): FathomErrorKind {
  return KIND_BY_STATUS[status] ?? (status >= 500 ? "server" : "bad_request");
}

const MAX_UPSTREAM_TEXT = 300;

function clip(text: string): string {
  return text.length > MAX_UPSTREAM_TEXT ? `${text.slice(0, MAX_UPSTREAM_TEXT)}…` : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads Fathom's documented error bodies: `{error}`, `{errors:{field:[…]}}`, `{message}`, `{error:{code,message}}`. */
function readErrorBody(body: unknown): { message?: string; fields?: Record<string, string[]> } {
  if (!isRecord(body)) return {};
  if (isRecord(body.errors)) {
    const fields: Record<string, string[]> = {};
    for (const [field, messages] of Object.entries(body.errors)) {
      const list = Array.isArray(messages) ? messages : [messages];
      fields[field] = list.filter((m): m is string => typeof m === "string").map(clip);
    }
    return { fields, message: firstFieldMessage(fields) };
  }
  if (typeof body.error === "string") return { message: body.error };
  if (isRecord(body.error) && typeof body.error.message === "string") return { message: body.error.message };
  if (typeof body.message === "string") return { message: body.message };
  return {};
}

const DEFAULT_MESSAGES: Record<FathomErrorKind, string> = {
  validation: "Fathom did not accept the request.",
  bad_request: "Fathom rejected the request.",
  unauthorized: "Fathom rejected the API token.",
  not_found: "Fathom found nothing at that address.",
  gone: "Fathom has retired this endpoint.",
  unprocessable: "Fathom could not process this combination of fields.",
  rate_limited: "Fathom's rate limit was reached.",
  server: "Fathom had an internal error.",
  unavailable: "Fathom is briefly unavailable.",
  network: "Fathom could not be reached.",
  timeout: "Fathom did not answer in time.",
  invalid_response: "Fathom's answer could not be read.",
};

/**
 * Builds the FathomError for a non-2xx answer. `body` is the parsed JSON (undefined when it was not
 * JSON: the status still decides the kind). `redact` removes the token from any text Fathom echoed.
 */
export function fathomErrorFromResponse(
  status: number,
  headers: Headers,
  body: unknown,
  redact: (text: string) => string,
  now: number = Date.now(),
): FathomError {
  const read = readErrorBody(body);
  let kind = kindForStatus(status);
  if (status === 400 && read.fields && Object.keys(read.fields).length > 0) kind = "validation";
  const fields = read.fields
    ? Object.fromEntries(Object.entries(read.fields).map(([field, messages]) => [field, messages.map(redact)]))
    : undefined;
  const retryAfterSeconds = kind === "rate_limited" || kind === "unavailable" ? parseRetryAfter(headers.get("retry-after"), now) : undefined;
  const message = redact(clip(read.message ?? DEFAULT_MESSAGES[kind]));
  return new FathomError({ kind, status, message, fields: kind === "validation" ? fields : undefined, retryAfterSeconds });
}

export function fathomDefaultMessage(kind: FathomErrorKind): string {
  return DEFAULT_MESSAGES[kind];
}
