/**
 * The browser's side of the JSON API: one fetch helper that throws an ApiClientError carrying the
 * server's error shape (code, message, field messages, retryAfter).
 */
import { apiErrorBodySchema, type ApiErrorBody } from "./errors";

export class ApiClientError extends Error {
  override name = "ApiClientError";
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody["error"],
  ) {
    super(body.message);
  }
  get code() {
    return this.body.code;
  }
  get fields() {
    return this.body.fields ?? {};
  }
  get retryAfter() {
    return this.body.retryAfter;
  }
}

type Options = { method?: string; body?: unknown; signal?: AbortSignal };

export async function apiFetch<T = unknown>(path: string, { method = "GET", body, signal }: Options = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      signal,
      headers: body === undefined ? { Accept: "application/json" } : { Accept: "application/json", "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiClientError(0, { code: "network_error", message: "Sounding could not be reached. Check your connection and try again." });
  }
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    // fall through: a non-JSON answer is reported below
  }
  if (!response.ok) {
    const parsed = apiErrorBodySchema.safeParse(json);
    throw new ApiClientError(
      response.status,
      parsed.success ? parsed.data.error : { code: "http_error", message: `The server answered ${response.status}.` },
    );
  }
  return json as T;
}
