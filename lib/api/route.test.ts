import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { User } from "@/lib/auth/users";
import { ApiError } from "./errors";
import { route } from "./route";

const currentUser = vi.hoisted(() => ({ value: null as User | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => currentUser.value }));

const viewer: User = { id: 7, email: "v@example.com", name: "Vera", role: "viewer", createdAt: "2026-01-01" };
const admin: User = { ...viewer, id: 1, role: "admin" };

function request(method: string, url: string, init: { body?: string | ReadableStream<Uint8Array>; headers?: Record<string, string> } = {}) {
  const json = init.body === undefined ? {} : { "content-type": "application/json" };
  return new NextRequest(`http://app.test${url}`, {
    method,
    body: init.body,
    headers: { host: "app.test", ...json, ...init.headers },
    ...(init.body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as ConstructorParameters<typeof NextRequest>[1]);
}

async function errorOf(response: Response) {
  return { status: response.status, body: (await response.json()) as { error: Record<string, unknown> } };
}

describe("route()", () => {
  beforeEach(() => {
    currentUser.value = null;
  });

  it("answers 401 JSON without a session and 403 for a role that is too low", async () => {
    const handler = route({ access: "admin" }, () => ({ secret: 1 }));
    expect(await errorOf(await handler(request("GET", "/x")))).toEqual({
      status: 401,
      body: { error: { code: "unauthorized", message: "Sign in to continue." } },
    });
    currentUser.value = viewer;
    const forbidden = await errorOf(await handler(request("GET", "/x")));
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe("forbidden");
    currentUser.value = admin;
    const ok = await handler(request("GET", "/x"));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ secret: 1 });
  });

  it("parses params, query and body and hands the handler typed values", async () => {
    currentUser.value = viewer;
    const handler = route(
      {
        access: "viewer",
        params: z.object({ id: z.coerce.number() }),
        query: z.object({ q: z.string() }),
        body: z.object({ name: z.string() }),
      },
      ({ params, query, body, user }) => ({ id: params.id + 1, q: query.q, name: body.name, who: user.name }),
    );
    const response = await handler(request("POST", "/x?q=hello", { body: JSON.stringify({ name: "n" }) }), {
      params: Promise.resolve({ id: "41" }),
    });
    expect(await response.json()).toEqual({ id: 42, q: "hello", name: "n", who: "Vera" });
  });

  it("maps malformed JSON, missing fields and oversized bodies to 4xx with the error shape", async () => {
    const handler = route({ access: "public", body: z.object({ email: z.email("Enter a valid email address") }), maxBodyBytes: 100 }, () => ({}));

    const malformed = await errorOf(await handler(request("POST", "/x", { body: "{nope" })));
    expect(malformed).toEqual({ status: 400, body: { error: { code: "invalid_json", message: "The request body is not valid JSON." } } });

    const missing = await errorOf(await handler(request("POST", "/x", { body: "{}" })));
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe("invalid_input");
    expect(missing.body.error.fields).toEqual({ email: [expect.any(String)] });

    const invalid = await errorOf(await handler(request("POST", "/x", { body: JSON.stringify({ email: "nope" }) })));
    expect(invalid.body.error.fields).toEqual({ email: ["Enter a valid email address"] });

    const big = await errorOf(await handler(request("POST", "/x", { body: JSON.stringify({ email: "a".repeat(200) }) })));
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe("body_too_large");
  });

  it("stops reading a chunked body at the limit instead of buffering all of it", async () => {
    const handler = route({ access: "public", body: z.object({}).passthrough(), maxBodyBytes: 1024 }, () => ({}));
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(512).fill(32));
      },
    });
    const answer = await errorOf(await handler(request("POST", "/x", { body: endless })));
    expect(answer.status).toBe(413);
    expect(pulled).toBeLessThan(10);
  });

  it("refuses a body that is not declared as JSON (what a cross-site form can send) and one that is not UTF-8", async () => {
    const handler = route({ access: "public", body: z.object({ role: z.string() }) }, () => ({ ok: true }));
    const form = await errorOf(await handler(request("POST", "/x", { body: JSON.stringify({ role: "admin" }), headers: { "content-type": "text/plain" } })));
    expect(form).toMatchObject({ status: 415, body: { error: { code: "unsupported_media_type" } } });
    const bytes = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]));
        controller.close();
      },
    });
    expect((await errorOf(await handler(request("POST", "/x", { body: bytes })))).body.error.code).toBe("invalid_encoding");
  });

  it("compares the whole origin of a write (scheme, host and port), and a Referer when there is no Origin", async () => {
    const handler = route({ access: "public" }, () => ({ ok: true }));
    for (const origin of ["https://app.test", "http://app.test:8080", "http://app.test.evil.example", "null", "http://evil.example"]) {
      expect((await handler(request("POST", "/x", { headers: { origin } }))).status, origin).toBe(403);
    }
    expect((await handler(request("POST", "/x", { headers: { referer: "https://evil.example/page" } }))).status).toBe(403);
    expect((await handler(request("POST", "/x", { headers: { referer: "not a url" } }))).status).toBe(403);
    expect((await handler(request("POST", "/x", { headers: { referer: "http://app.test/settings" } }))).status).toBe(200);
    // Without the production edge a forwarded host is never believed.
    const forwarded = await handler(request("POST", "/x", { headers: { origin: "https://evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" } }));
    expect(forwarded.status).toBe(403);
  });

  it("recognises an ApiError thrown by another bundle's copy of the module", async () => {
    vi.resetModules();
    const otherCopy = await import("./errors");
    expect(otherCopy.ApiError).not.toBe(ApiError);
    const handler = route({ access: "public" }, () => {
      throw new otherCopy.ApiError(429, "budget_exhausted", "Sounding is pacing its requests.", { retryAfter: 9 });
    });
    const response = await handler(request("GET", "/x"));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("9");
  });

  it("refuses cross-site writes but not same-origin ones", async () => {
    const handler = route({ access: "public" }, () => ({ ok: true }));
    const foreign = await handler(request("POST", "/x", { headers: { origin: "https://evil.example" } }));
    expect(foreign.status).toBe(403);
    const crossSite = await handler(request("POST", "/x", { headers: { "sec-fetch-site": "cross-site" } }));
    expect(crossSite.status).toBe(403);
    const same = await handler(request("POST", "/x", { headers: { origin: "http://app.test", "sec-fetch-site": "same-origin" } }));
    expect(same.status).toBe(200);
    const read = await handler(request("GET", "/x", { headers: { origin: "https://evil.example" } }));
    expect(read.status).toBe(200);
  });

  it("passes ApiErrors through with Retry-After, and hides unexpected errors behind a logged 500", async () => {
    const limited = route({ access: "public" }, () => {
      throw new ApiError(429, "rate_limited", "Fathom is busy.", { retryAfter: 12 });
    });
    const response = await limited(request("GET", "/x"));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("12");
    expect((await response.json()).error).toEqual({ code: "rate_limited", message: "Fathom is busy.", retryAfter: 12 });

    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = route({ access: "public" }, () => {
      throw new Error("database exploded with Bearer abc.def");
    });
    const failure = await errorOf(await broken(request("GET", "/x")));
    expect(failure.status).toBe(500);
    expect(failure.body.error.code).toBe("internal_error");
    expect(JSON.stringify(failure.body)).not.toContain("exploded");
    expect(log.mock.calls[0]?.[0]).toContain("Bearer [redacted]");
    expect(log.mock.calls[0]?.[0]).not.toContain("abc.def");
  });

  it("uses an error's own conversion (e.g. an upstream Fathom error)", async () => {
    const handler = route({ access: "public" }, () => {
      throw Object.assign(new Error("upstream"), { toApiError: () => new ApiError(502, "fathom_unauthorized", "Fathom rejected the token.") });
    });
    expect(await errorOf(await handler(request("GET", "/x")))).toEqual({
      status: 502,
      body: { error: { code: "fathom_unauthorized", message: "Fathom rejected the token." } },
    });
  });

  it("answers a handler's data with the status it was given, and keeps no-store", async () => {
    const created = await route({ access: "public", status: 201 }, () => ({ item: { id: "n1" } }))(request("POST", "/x"));
    expect(created.status).toBe(201);
    expect(created.headers.get("cache-control")).toBe("no-store");
    expect(await created.json()).toEqual({ item: { id: "n1" } });
    const nothing = await route({ access: "public" }, () => undefined)(request("POST", "/x"));
    expect({ status: nothing.status, body: await nothing.json() }).toEqual({ status: 200, body: { ok: true } });
  });

  it("refuses a Response built by hand (it would skip the headers), as a logged 500", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const handler = route({ access: "public", status: 201 }, () => Response.json({ event: {} }, { status: 201 }));
    const answer = await errorOf(await handler(request("POST", "/x")));
    expect(answer).toMatchObject({ status: 500, body: { error: { code: "internal_error" } } });
    expect(log.mock.calls[0]?.[0]).toContain("return plain data");
  });

  it("maps a zod refusal thrown inside a handler to 400 with its field messages", async () => {
    const handler = route({ access: "public" }, () => z.object({ name: z.string("Give it a name") }).parse({}));
    expect(await errorOf(await handler(request("GET", "/x")))).toEqual({
      status: 400,
      body: { error: { code: "invalid_input", message: "Invalid input.", fields: { name: ["Give it a name"] } } },
    });
  });
});
