import "server-only";
import { ApiError, isApiError, isConvertibleToApiError } from "./errors";
import { logError } from "./log";

/**
 * The one mapping from anything thrown to the error a person sees: an ApiError as it is (from any bundle),
 * an upstream error as it presents itself, and anything else logged (secrets redacted) and answered as a
 * plain 500 that says nothing of its cause. `context` names what was being done, for the log line.
 */
export function toApiError(error: unknown, context: string): ApiError {
  if (isApiError(error)) return error;
  if (isConvertibleToApiError(error)) return error.toApiError();
  logError(context, error);
  return new ApiError(500, "internal_error", "Something went wrong on our side. Try again, and tell your admin if it persists.");
}
