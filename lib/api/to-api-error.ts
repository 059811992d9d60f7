import "server-only";
import { z } from "zod";
import { ApiError, fieldsFromZod, isApiError, isConvertibleToApiError } from "./errors";
import { logError } from "./log";

/** A ZodError from any bundle's copy of zod (`instanceof` only knows this bundle's). */
function isZodError(error: unknown): error is z.ZodError {
  return error instanceof z.ZodError || (error instanceof Error && error.name === "ZodError" && Array.isArray((error as z.ZodError).issues));
}

/**
 * PostgreSQL's refusals that come from what was sent or from a race, not from a fault: its SQLSTATE `code`
 * (pg's DatabaseError). SQLite stores a NUL and serialises writers, so only PostgreSQL answers these.
 */
function fromDatabaseRefusal(error: unknown): ApiError | undefined {
  if (!(error instanceof Error) || !("severity" in error)) return undefined;
  const code = (error as Error & { code?: unknown }).code;
  if (code === "22021" || code === "22P05") {
    return new ApiError(400, "invalid_input", "Text can't contain NUL characters (\\u0000) or bytes that are not UTF-8.");
  }
  // Two people did the same thing at the same moment (e.g. accepted invites for one email): the second loses.
  if (code === "23505") return new ApiError(409, "conflict", "Someone else just made the same change. Reload to see it.");
  return undefined;
}

/**
 * The one mapping from anything thrown to the error a person sees: an ApiError as it is (from any bundle),
 * an upstream error as it presents itself, a zod refusal as a 400 with its field messages, and anything
 * else logged (secrets redacted) and answered as a plain 500 that says nothing of its cause. `context`
 * names what was being done, for the log line.
 */
export function toApiError(error: unknown, context: string): ApiError {
  if (isApiError(error)) return error;
  if (isConvertibleToApiError(error)) return error.toApiError();
  if (isZodError(error)) return new ApiError(400, "invalid_input", "Invalid input.", { fields: fieldsFromZod(error) });
  const refusal = fromDatabaseRefusal(error);
  if (refusal) return refusal;
  logError(context, error);
  return new ApiError(500, "internal_error", "Something went wrong on our side. Try again, and tell your admin if it persists.");
}
