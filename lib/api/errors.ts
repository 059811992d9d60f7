/**
 * The one JSON error shape every route answers with: `{ error: { code, message, fields?, retryAfter? } }`.
 * Isomorphic so the browser can parse it with the same schema.
 */
import { z } from "zod";

export const apiErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
    retryAfter: z.number().optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;

/**
 * A brand that survives bundling: Next bundles route handlers, pages and instrumentation separately, so an
 * ApiError thrown by one copy of this module fails `instanceof` against another's class. `Symbol.for` is one
 * symbol per process, whichever bundle asks.
 */
const API_ERROR = Symbol.for("sounding.api-error");

/** True for an ApiError from any bundle. */
export function isApiError(value: unknown): value is ApiError {
  return typeof value === "object" && value !== null && (value as { [API_ERROR]?: unknown })[API_ERROR] === true;
}

export class ApiError extends Error {
  override name = "ApiError";
  readonly [API_ERROR] = true;
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { fields?: Record<string, string[]>; retryAfter?: number } = {},
  ) {
    super(message);
  }

  toBody(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, ...this.extra } };
  }
}

/**
 * Marks an error raised before anything was sent to Fathom (an unknown id answered from the cached lists, the
 * budget, the circuit breaker), so the audit log keeps no entry for a write that never left. FathomError has
 * its own `sent`.
 */
export function beforeSending<E extends Error>(error: E): E & { sent: false } {
  return Object.assign(error, { sent: false as const });
}

/** False only for an error known to have been raised before anything was sent. */
export function wasSent(error: unknown): boolean {
  return !(typeof error === "object" && error !== null && (error as { sent?: unknown }).sent === false);
}

/** Anything that knows how to present itself as an ApiError (e.g. an upstream Fathom error). */
export interface ConvertibleToApiError {
  toApiError(): ApiError;
}

export function isConvertibleToApiError(value: unknown): value is ConvertibleToApiError {
  return typeof value === "object" && value !== null && typeof (value as ConvertibleToApiError).toApiError === "function";
}

/** Turns zod issues into `{ field: [messages] }`, with `_` for issues about the whole input. */
export function fieldsFromZod(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

export const notFound = (what = "That") => new ApiError(404, "not_found", `${what} was not found.`);
export const forbidden = (message = "Your role does not allow this.") => new ApiError(403, "forbidden", message);
export const unauthorized = () => new ApiError(401, "unauthorized", "Sign in to continue.");
