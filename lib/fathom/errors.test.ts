import { describe, expect, it } from "vitest";
import { createFathomClient } from "./client";
import { FathomError, parseRetryAfter, type FathomErrorKind } from "./errors";
import { fakeFetch, jsonResponse, type Responder } from "./fake-fetch";

const TOKEN = "fthm_live_9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e";

function clientWith(respond: Responder, timeoutMs?: number) {
  const fake = fakeFetch(respond);
  return { client: createFathomClient({ baseUrl: "https://fathom.test/v1", token: TOKEN, fetch: fake.fetch, timeoutMs }), calls: fake.calls };
}

/** A body that delivers `start` and then fails, as undici's does when the connection drops mid-body. */
function cutOffBody(start: string): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(start));
      controller.error(new TypeError("terminated"));
    },
  });
}

/** Never answers: fails only when the request is aborted (by the client's timeout or the caller). */
const hang: Responder = (request) =>
  new Promise<Response>((_, reject) => request.signal?.addEventListener("abort", () => reject(request.signal?.reason)));

async function failure(promise: Promise<unknown>): Promise<FathomError> {
  const error = await promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FathomError);
  return error as FathomError;
}

function expectNoToken(error: FathomError) {
  const api = error.toApiError();
  for (const text of [error.message, JSON.stringify(error.fields ?? {}), api.message, JSON.stringify(api.toBody())]) {
    expect(text).not.toContain(TOKEN);
  }
}

describe("FathomError from Fathom's documented error answers (errors-page.txt)", () => {
  const cases: Array<{
    name: string;
    status: number;
    body: unknown;
    headers?: Record<string, string>;
    kind: FathomErrorKind;
    apiStatus: number;
    apiCode: string;
  }> = [
    {
      name: "400 general error",
      status: 400,
      body: { error: "This token doesn't have permission to access this endpoint" },
      kind: "bad_request",
      apiStatus: 400,
      apiCode: "fathom_bad_request",
    },
    {
      name: "400 validation error",
      status: 400,
      body: { errors: { name: ["The name field is required."] } },
      kind: "validation",
      apiStatus: 400,
      apiCode: "fathom_validation",
    },
    { name: "401", status: 401, body: { error: "Unauthenticated" }, kind: "unauthorized", apiStatus: 502, apiCode: "fathom_unauthorized" },
    { name: "404", status: 404, body: { error: "Not found" }, kind: "not_found", apiStatus: 404, apiCode: "fathom_not_found" },
    { name: "410", status: 410, body: { error: "Gone" }, kind: "gone", apiStatus: 410, apiCode: "fathom_gone" },
    {
      name: "422",
      status: 422,
      body: { error: "These groupings can't be combined" },
      kind: "unprocessable",
      apiStatus: 422,
      apiCode: "fathom_unprocessable",
    },
    {
      name: "429 rate limited",
      status: 429,
      body: { message: "Too Many Attempts." },
      headers: { "Retry-After": "42" },
      kind: "rate_limited",
      apiStatus: 429,
      apiCode: "fathom_rate_limited",
    },
    {
      name: "429 concurrency limit",
      status: 429,
      body: {
        error: {
          code: "api_concurrency_limit_reached",
          message: "You have too many API requests in flight at once. Your current API plan allows up to 5 concurrent requests.",
          limit: 5,
          next_tier: { name: "Tier 3", concurrent_queries: 10, price: "$39/mo" },
        },
      },
      headers: { "Retry-After": "3" },
      kind: "rate_limited",
      apiStatus: 429,
      apiCode: "fathom_rate_limited",
    },
    { name: "500", status: 500, body: { error: "Server Error" }, kind: "server", apiStatus: 502, apiCode: "fathom_error" },
    {
      name: "503",
      status: 503,
      body: { error: "At capacity" },
      headers: { "Retry-After": "7" },
      kind: "unavailable",
      apiStatus: 503,
      apiCode: "fathom_unavailable",
    },
    { name: "403 (undocumented)", status: 403, body: { error: "Forbidden" }, kind: "bad_request", apiStatus: 400, apiCode: "fathom_bad_request" },
  ];

  it.each(cases)("$name → $kind → $apiStatus $apiCode", async (c) => {
    const { client } = clientWith(() => jsonResponse(c.body, c.status, c.headers));
    const error = await failure(client.listSites());
    expect(error.kind).toBe(c.kind);
    expect(error.status).toBe(c.status);
    expect(error.sent).toBe(true);
    const api = error.toApiError();
    expect(api.status).toBe(c.apiStatus);
    expect(api.code).toBe(c.apiCode);
    expectNoToken(error);
  });

  it("keeps Fathom's field messages for validation errors", async () => {
    const { client } = clientWith(() => jsonResponse({ errors: { name: ["The name field is required."] } }, 400));
    const error = await failure(client.createSite({ name: "x" }));
    expect(error.fields).toEqual({ name: ["The name field is required."] });
    expect(error.toApiError().toBody().error).toMatchObject({
      message: "Fathom did not accept the request: The name field is required.",
      fields: { name: ["The name field is required."] },
    });
  });

  it("keeps a general 400's message for the user", async () => {
    const { client } = clientWith(() => jsonResponse({ error: "Your subscription has lapsed" }, 400));
    const error = await failure(client.getToken());
    expect(error.message).toBe("Your subscription has lapsed");
    expect(error.toApiError().message).toBe("Fathom refused the request: Your subscription has lapsed");
    expect(error.fields).toBeUndefined();
  });

  it("tells the user who can fix a rejected token", async () => {
    const { client } = clientWith(() => jsonResponse({ error: "Unauthenticated" }, 401));
    const api = (await failure(client.getAccount())).toApiError();
    expect(api.message).toBe("Fathom rejected the API token; an admin can fix it in Settings → Fathom connection.");
  });

  it("reads Retry-After in seconds on 429 and 503 and hands it on", async () => {
    const limited = await failure(clientWith(() => jsonResponse({ message: "Too Many Attempts." }, 429, { "Retry-After": "42" })).client.getToken());
    expect(limited.retryAfterSeconds).toBe(42);
    expect(limited.toApiError().extra.retryAfter).toBe(42);
    expect(limited.toApiError().message).toContain("42 s");
    const busy = await failure(clientWith(() => jsonResponse({}, 503, { "Retry-After": "7" })).client.getToken());
    expect(busy.retryAfterSeconds).toBe(7);
    expect(busy.toApiError().extra.retryAfter).toBe(7);
  });

  it("reads Retry-After given as an HTTP date", async () => {
    const at = new Date(Date.now() + 120_000).toUTCString();
    const error = await failure(clientWith(() => jsonResponse({ message: "Too Many Attempts." }, 429, { "Retry-After": at })).client.getToken());
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(118);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(120);
  });

  it("falls back to a 60 s wait for the user when a 429 carries no Retry-After", async () => {
    const error = await failure(clientWith(() => jsonResponse({ message: "Too Many Attempts." }, 429)).client.getToken());
    expect(error.retryAfterSeconds).toBeUndefined();
    expect(error.toApiError().extra.retryAfter).toBe(60);
  });

  it("branches on the status even when the error body is an HTML page", async () => {
    const { client } = clientWith(() => new Response("<html><body>Oops</body></html>", { status: 500, headers: { "Content-Type": "text/html" } }));
    const error = await failure(client.getToken());
    expect(error.kind).toBe("server");
    expect(error.message).toBe("Fathom had an internal error.");
  });
});

describe("FathomError without a usable answer", () => {
  it("network failure → network, 502", async () => {
    const { client } = clientWith(() => {
      throw new TypeError("fetch failed");
    });
    const error = await failure(client.getToken());
    expect(error.kind).toBe("network");
    expect(error.status).toBe(0);
    expect(error.toApiError().status).toBe(502);
  });

  it("no answer in time → timeout, 504", async () => {
    const { client } = clientWith(hang, 30);
    const error = await failure(client.getToken());
    expect(error.kind).toBe("timeout");
    expect(error.toApiError().status).toBe(504);
  });

  it("a caller's abort is passed through as the abort, not as a Fathom failure", async () => {
    const controller = new AbortController();
    const { client } = clientWith(hang);
    const pending = client.getToken({ signal: controller.signal });
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(FathomError);
    expect((error as Error).name).toBe("AbortError");
  });

  it("an already aborted signal sends nothing", async () => {
    const { client, calls } = clientWith(() => jsonResponse({}));
    const controller = new AbortController();
    controller.abort();
    await expect(client.getToken({ signal: controller.signal })).rejects.toThrow();
    expect(calls).toHaveLength(0);
  });

  it("a 200 that is not JSON → invalid_response, 502", async () => {
    const { client } = clientWith(() => new Response("<html>maintenance</html>", { status: 200 }));
    const error = await failure(client.getToken());
    expect(error.kind).toBe("invalid_response");
    expect(error.toApiError().status).toBe(502);
  });

  it("a 200 whose body stops short → invalid_response (Fathom answered; its answer could not be read), 502", async () => {
    const { client } = clientWith(() => new Response(cutOffBody('{"object":"list","has_more":false,"data":[{"id":"CDB'), { status: 200 }));
    const error = await failure(client.listSites());
    expect(error.kind).toBe("invalid_response");
    expect(error.status).toBe(200);
    expect(error.message).toContain("cut off");
    expect(error.toApiError()).toMatchObject({ status: 502, code: "fathom_invalid_response" });
  });

  it("an error status whose body stops short is still read by its status", async () => {
    const { client } = clientWith(() => new Response(cutOffBody('{"error":"Serv'), { status: 500 }));
    const error = await failure(client.getToken());
    expect(error.kind).toBe("server");
    expect(error.status).toBe(500);
  });

  it("a 200 that is JSON of the wrong shape → invalid_response naming the field", async () => {
    const { client } = clientWith(() => jsonResponse({ object: "list", has_more: false, data: [{ id: 5, object: "site" }] }));
    const error = await failure(client.listSites());
    expect(error.kind).toBe("invalid_response");
    expect(error.message).toContain("data.0.id");
  });
});

describe("retired wipe endpoints", () => {
  it("wipeSite and wipeEvent fail as gone without sending anything", async () => {
    const { client, calls } = clientWith(() => jsonResponse({}));
    for (const attempt of [client.wipeSite("CDBUGS"), client.wipeEvent("CDBUGS", "ABCDEFGH")]) {
      const error = await failure(attempt);
      expect(error.kind).toBe("gone");
      expect(error.sent).toBe(false);
      expect(error.message).toContain("retired by Fathom");
      expect(error.toApiError().status).toBe(410);
    }
    expect(calls).toHaveLength(0);
  });
});

describe("the token never appears in an error", () => {
  it("is removed when Fathom echoes it in a message, in field messages, or a network error carries it", async () => {
    const echoes: Responder[] = [
      () => jsonResponse({ error: `Token ${TOKEN} is not valid` }, 401),
      () => jsonResponse({ error: `Token ${TOKEN} lacks access` }, 400),
      () => jsonResponse({ errors: { token: [`${TOKEN} is malformed`] } }, 400),
      () => jsonResponse({ message: `slow down ${TOKEN}` }, 429),
      () => new Response(`not json ${TOKEN}`, { status: 200 }),
      () => jsonResponse({ object: "list", has_more: false, data: [{ id: TOKEN }] }),
      () => {
        throw new TypeError(`connect ECONNREFUSED https://x/?t=${TOKEN}`);
      },
    ];
    for (const respond of echoes) {
      const error = await failure(clientWith(respond).client.listSites());
      expectNoToken(error);
      expect(error.message).not.toContain(TOKEN);
    }
  });

  it("is not in a local validation error either", async () => {
    const error = await failure(clientWith(() => jsonResponse({})).client.getSite(`${TOKEN}/x`));
    expectNoToken(error);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2024-05-01T12:00:00Z");
  it("reads delta-seconds and HTTP dates; ignores garbage", () => {
    expect(parseRetryAfter("120", now)).toBe(120);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
    expect(parseRetryAfter("Wed, 01 May 2024 12:01:30 GMT", now)).toBe(90);
    expect(parseRetryAfter("Wed, 01 May 2024 11:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter("-5", now)).toBeUndefined();
  });
});
