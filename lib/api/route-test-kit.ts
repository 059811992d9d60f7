/**
 * For unit tests of route handlers: a request as a browser on our own origin sends it, through a handler
 * made by `route()`, and the answer read back. Not for production code.
 */
import { NextRequest } from "next/server";
import type { Role } from "@/lib/auth/roles";
import type { User } from "@/lib/auth/users";

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

type Call = { params?: Record<string, string>; body?: unknown; headers?: Record<string, string> };

const ORIGIN = "http://sounding.test";

/** Calls `handler` as a same-origin JSON request; `headers` override the defaults (e.g. a foreign `origin`). */
export async function callRoute<T = Record<string, unknown>>(handler: Handler, method: string, { params = {}, body, headers = {} }: Call = {}) {
  const request = new NextRequest(`${ORIGIN}/api/test`, {
    method,
    headers: { host: "sounding.test", origin: ORIGIN, "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  type Answer = T & { error?: { code: string; message: string; fields?: Record<string, string[]> } };
  return { status: response.status, headers: response.headers, json: (await response.json()) as Answer };
}

/** A signed-in user with this role (ids 1 admin, 2 editor, 3 viewer). */
export function testUser(role: Role): User {
  const people = { admin: [1, "Ada"], editor: [2, "Eddie"], viewer: [3, "Vera"] } as const;
  const [id, name] = people[role];
  return { id, email: `${name.toLowerCase()}@example.com`, name, role, createdAt: "2024-01-01T00:00:00Z" };
}
