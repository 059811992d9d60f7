import "server-only";
import type { NextRequest } from "next/server";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { hasRole, type Role } from "@/lib/auth/roles";
import type { User } from "@/lib/auth/users";
import { runAsActor } from "@/lib/governor/actor";
import { allowedOrigins, clientAddress } from "@/lib/server/client";
import { ApiError, fieldsFromZod, forbidden, unauthorized } from "./errors";
import { toApiError } from "./to-api-error";

/** Who may call a route: anyone, or a signed-in user with at least this role. */
export type Access = "public" | Role;

type RouteOptions<A extends Access, P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = {
  access: A;
  /** Dynamic route segments (`[siteId]`). */
  params?: P;
  /** Search parameters, as an object of their last values. */
  query?: Q;
  /** The JSON body (for POST, PUT, PATCH, DELETE). */
  body?: B;
  /** Largest accepted body; larger ones get 413 before parsing. Default 64 KiB. */
  maxBodyBytes?: number;
  /** The status of a successful answer: 201 for a create. Default 200. */
  status?: SuccessStatus;
};

/** The statuses a handler's data can be sent with (204 and the like have no body, so none of ours). */
export type SuccessStatus = 200 | 201 | 202;

const NO_STORE = { "Cache-Control": "no-store" } as const;

export type RouteContext<A extends Access, P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = {
  request: NextRequest;
  user: A extends "public" ? User | null : User;
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
};

type NextRouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

const DEFAULT_MAX_BODY = 64 * 1024;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function jsonError(error: ApiError): Response {
  const headers: Record<string, string> = { ...NO_STORE };
  if (error.extra.retryAfter !== undefined) headers["Retry-After"] = String(Math.ceil(error.extra.retryAfter));
  return Response.json(error.toBody(), { status: error.status, headers });
}

/**
 * Writes from a browser must come from our own pages (CSRF). A cross-site fetch is refused by Sec-Fetch-Site;
 * an Origin (or, without one, a Referer) must be exactly one of ours: scheme, host and port, compared whole.
 */
function assertSameOrigin(request: NextRequest) {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw forbidden("Cross-site requests are not allowed.");
  const origin = request.headers.get("origin") ?? refererOrigin(request.headers.get("referer"));
  if (origin === undefined) return; // not a browser (scripts and API clients send neither)
  if (origin === null || !allowedOrigins(request.headers).includes(origin)) throw forbidden("Cross-site requests are not allowed.");
}

/** The origin of a Referer; null for one that is not a URL (refused, as `Origin: null` is); undefined when absent. */
function refererOrigin(referer: string | null): string | null | undefined {
  if (referer === null) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return null;
  }
}

const tooLarge = (maxBytes: number) => new ApiError(413, "body_too_large", `The request body is larger than ${maxBytes} bytes.`);

/**
 * Reads the body as UTF-8 text, counting bytes as they arrive and stopping at `maxBytes`, so a body of any
 * size (declared or chunked) never costs more than the limit in memory.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const declared = request.headers.get("content-length");
  if (declared !== null && (!/^\d+$/.test(declared) || Number(declared) > maxBytes)) throw tooLarge(maxBytes);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new ApiError(400, "invalid_encoding", "The request body is not valid UTF-8.");
  }
}

async function readJsonBody(request: NextRequest, maxBytes: number): Promise<unknown> {
  const text = await readBodyText(request, maxBytes);
  if (text.trim() === "") return {};
  // A form or text/plain body is what a cross-site <form> can send; ours are always JSON.
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") throw new ApiError(415, "unsupported_media_type", "Send the body as JSON (Content-Type: application/json).");
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_json", "The request body is not valid JSON.");
  }
}

function parseWith<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = fieldsFromZod(result.error);
  const first = result.error.issues[0];
  const message = first ? `${first.path.length ? `${first.path.join(".")}: ` : ""}${first.message}` : `Invalid ${where}.`;
  throw new ApiError(400, "invalid_input", message, { fields });
}

/** Maps anything thrown by a handler to the one JSON error shape (./to-api-error.ts); unknown errors become a logged 500. */
export function toErrorResponse(error: unknown): Response {
  return jsonError(toApiError(error, "Unhandled error in a route handler"));
}

/** A handler answers with data; a Response built by hand would skip the headers and the error shape. */
function assertPlainData(result: unknown) {
  if (result instanceof Response) throw new Error("A route handler returned a Response: return plain data, and give route() a `status`.");
}

/**
 * The one wrapper every route handler goes through: authenticates, checks the role and same-origin
 * writes, parses params, query and body with zod, and maps every error to the JSON error shape.
 * A handler returns plain JSON-serialisable data (nothing: `{ ok: true }`), sent with `options.status`
 * (200 unless told) and `Cache-Control: no-store`; it never builds a Response itself.
 */
export function route<
  A extends Access,
  P extends z.ZodType = z.ZodType<Record<string, never>>,
  Q extends z.ZodType = z.ZodType<Record<string, never>>,
  B extends z.ZodType = z.ZodType<Record<string, never>>,
>(options: RouteOptions<A, P, Q, B>, handler: (ctx: RouteContext<A, P, Q, B>) => Promise<unknown> | unknown) {
  return async (request: NextRequest, context?: NextRouteContext): Promise<Response> => {
    try {
      const write = !SAFE_METHODS.has(request.method);
      if (write) assertSameOrigin(request);
      const user = await getCurrentUser();
      if (options.access !== "public") {
        if (!user) throw unauthorized();
        if (!hasRole(user.role, options.access)) throw forbidden();
      }
      const rawParams = (await context?.params) ?? {};
      const params = options.params ? parseWith(options.params, rawParams, "path") : {};
      const query = options.query
        ? parseWith(options.query, Object.fromEntries(request.nextUrl.searchParams), "query")
        : {};
      const body = options.body
        ? parseWith(options.body, await readJsonBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY), "body")
        : {};
      // Whose budget share the handler's upstream requests count against (lib/governor/scheduler.ts).
      const actor = user ? `user:${user.id}` : `addr:${clientAddress(request.headers)}`;
      const result = await runAsActor(actor, () => handler({ request, user, params, query, body } as RouteContext<A, P, Q, B>));
      assertPlainData(result);
      return Response.json(result ?? { ok: true }, { status: options.status ?? 200, headers: NO_STORE });
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}
