import "server-only";
import { z } from "zod";
import { ApiError, fieldsFromZod, isApiError, isConvertibleToApiError } from "./errors";
import { logError } from "./log";

/** A ZodError from any bundle's copy of zod (`instanceof` only knows this bundle's). */
function isZodError(error: unknown): error is z.ZodError {
  return error instanceof z.ZodError || (error instanceof Error && error.name === "ZodError" && Array.isArray((error as z.ZodError).issues));
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
  logError(context, error);
  return new ApiError(500, "internal_error", "Something went wrong on our side. Try again, and tell your admin if it persists.");
}
