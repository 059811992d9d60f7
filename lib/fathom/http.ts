import "server-only";
import { z } from "zod";
import { FathomError, fathomDefaultMessage, fathomErrorFromResponse } from "./errors";

export type FathomClientOptions = {
  /** e.g. `https://api.usefathom.com/v1` (no trailing slash needed). */
  baseUrl: string;
  token: string;
  /** Defaults to the global fetch; demo mode and tests pass the simulator's handler or a fake. */
  fetch?: typeof fetch;
  /** Per request; default 20 s (a first-run aggregation can take a few seconds while Fathom plans it). */
  timeoutMs?: number;
};

/** Every client method takes these. */
export type CallOptions = { signal?: AbortSignal };

type QueryValue = string | number | boolean | undefined;

export type FathomRequest<S extends z.ZodType> = {
  method: "GET" | "POST" | "DELETE";
  /**
   * The path below the base URL as raw segments, e.g. `["sites", siteId, "milestones"]`. Each must be a plain
   * name or id (letters, digits, `-`, `_`): nothing a caller passes can add a segment, climb with `..` or
   * end the path early, so an id can only ever name the thing it names.
   */
  path: readonly string[];
  /** Unset (undefined) values are omitted, in the order given. */
  query?: Array<[string, QueryValue]>;
  /** Sent as JSON; undefined sends no body (and no Content-Type). */
  body?: Record<string, unknown>;
  /** Validates and shapes the 2xx answer. */
  schema: S;
  signal?: AbortSignal;
};

export type FathomHttp = {
  request<S extends z.ZodType>(request: FathomRequest<S>): Promise<z.output<S>>;
};

const DEFAULT_TIMEOUT_MS = 20_000;

/** What one path segment may be. Fathom's names and ids (`CDBUGS`, UUIDs, `current_visitors`) all fit. */
const SEGMENT = /^[A-Za-z0-9_-]{1,255}$/;

/** Thrown before anything is sent: a path segment that could change the request's path. */
function badSegment(index: number): FathomError {
  return new FathomError({
    kind: "validation",
    status: 400,
    sent: false,
    fields: { [`path.${index}`]: ["That is not a valid id"] },
    message: "That is not a valid id.",
  });
}

/**
 * The URL of a request: the base URL's path, then the segments, each checked by its exact shape, and the
 * result checked once more, so the path Fathom receives has exactly the segments the caller meant.
 */
export function requestUrl(baseUrl: string, segments: readonly string[]): URL {
  segments.forEach((part, index) => {
    if (typeof part !== "string" || !SEGMENT.test(part)) throw badSegment(index);
  });
  const base = new URL(baseUrl);
  const basePath = base.pathname.replace(/\/+$/, "");
  const expected = `${basePath}/${segments.join("/")}`;
  const url = new URL(expected, base.origin);
  if (url.pathname !== expected || url.origin !== base.origin) throw badSegment(segments.length - 1);
  return url;
}

/** Drops undefined values, so a body carries only what the caller set. */
export function compact(body: Record<string, unknown>): Record<string, unknown> | undefined {
  const entries = Object.entries(body).filter(([, value]) => value !== undefined);
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/** Removes the token from a text (Fathom could echo it; a fetch error could carry it in a URL). */
function tokenRedactor(token: string): (text: string) => string {
  if (token.length < 4) return (text) => text;
  return (text) => text.split(token).join("[redacted]");
}

function summarizeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join(".") : "(root)"}: ${issue.message}`)
    .join("; ");
}

/**
 * The one place requests to Fathom are made: base URL, bearer token, JSON, timeout, abort, the mapping
 * of every failure to a FathomError, and zod validation of every answer.
 */
export function createFathomHttp(options: FathomClientOptions): FathomHttp {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const redact = tokenRedactor(options.token);

  async function request<S extends z.ZodType>(req: FathomRequest<S>): Promise<z.output<S>> {
    const url = requestUrl(baseUrl, req.path);
    const where = `/${req.path.join("/")}`;
    for (const [key, value] of req.query ?? []) {
      if (value !== undefined) url.searchParams.append(key, String(value));
    }
    const headers: Record<string, string> = {
      Authorization: `Bearer ${options.token}`,
      Accept: "application/json",
    };
    if (req.body !== undefined) headers["Content-Type"] = "application/json";

    req.signal?.throwIfAborted();
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;

    /** The caller's abort, or our timeout; undefined when neither ended the exchange. */
    const ended = () => {
      if (req.signal?.aborted) return req.signal.reason as unknown;
      if (timeout.aborted) {
        return new FathomError({ kind: "timeout", status: 0, message: `Fathom did not answer within ${Math.round(timeoutMs / 1000)} s.` });
      }
      return undefined;
    };

    let response: Response;
    try {
      response = await doFetch(url, {
        method: req.method,
        headers,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal,
        cache: "no-store",
      });
    } catch (error) {
      throw ended() ?? networkError(error, redact);
    }

    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      const stopped = ended();
      if (stopped !== undefined) throw stopped;
      // Fathom answered (a status and headers came) but the body stopped short: the status still decides an
      // error's kind; a success we could not read is an unreadable answer, not an unreachable Fathom.
      if (!response.ok) throw fathomErrorFromResponse(response.status, response.headers, undefined, redact);
      const detail = error instanceof Error ? redact(error.message) : "";
      throw new FathomError({
        kind: "invalid_response",
        status: response.status,
        message: `Fathom's answer to ${req.method} ${where} was cut off before its end${detail ? ` (${detail})` : ""}.`,
      });
    }

    let json: unknown;
    let isJson = false;
    if (text.trim() !== "") {
      try {
        json = JSON.parse(text);
        isJson = true;
      } catch {
        // not JSON: an error status still decides the kind below
      }
    }

    if (!response.ok) throw fathomErrorFromResponse(response.status, response.headers, json, redact);

    if (!isJson) {
      throw new FathomError({
        kind: "invalid_response",
        status: response.status,
        message: `Fathom answered ${req.method} ${where} with something that is not JSON.`,
      });
    }
    const parsed = req.schema.safeParse(json);
    if (!parsed.success) {
      throw new FathomError({
        kind: "invalid_response",
        status: response.status,
        message: redact(`Fathom's answer to ${req.method} ${where} is not the documented shape: ${summarizeIssues(parsed.error)}`),
      });
    }
    return parsed.data;
  }

  return { request };
}

/** No answer at all: the connection could not be made, or was dropped before a status came. */
function networkError(error: unknown, redact: (text: string) => string): FathomError {
  const detail = error instanceof Error ? redact(error.message) : "";
  return new FathomError({
    kind: "network",
    status: 0,
    message: `${fathomDefaultMessage("network")}${detail ? ` (${detail})` : ""}`,
  });
}

/**
 * Validates what a caller passes before anything is sent; a failure is a "validation" FathomError
 * with field messages, marked as not sent (no quota spent).
 */
export function checkInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  const first = parsed.error.issues[0];
  throw new FathomError({ kind: "validation", status: 400, sent: false, fields, message: first?.message ?? `Invalid ${what}.` });
}
