/**
 * The connection routes, end to end below HTTP: the token an admin pastes is checked with Fathom, stored
 * encrypted, used by the next getFathom(), and never comes back in any JSON answer (at most its last
 * four characters), not even when Fathom echoes it in an error.
 */
import { NextRequest } from "next/server";
import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { User } from "@/lib/auth/users";
import { fakeFetch, jsonResponse, type RecordedRequest, type Responder } from "@/lib/fathom/fake-fetch";
import { openTestDatabase } from "@/lib/store/db";
import type { Database } from "@/lib/store/schema";

const state = vi.hoisted(() => ({
  user: null as User | null,
  db: null as unknown,
  env: { FATHOM_API_TOKEN: undefined as string | undefined, appSecret: "first-app-secret-with-32-characters-or-more" },
}));

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => state.user }));
vi.mock("@/lib/store/db", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/store/db")>()),
  database: async () => state.db,
}));
vi.mock("@/lib/config/server-config", async () => {
  // The defaults of every other setting (the governor's limits and cache durations among them).
  const { parseEnv } = await import("@/lib/config/env");
  return {
    getServerConfig: () => ({
      ...parseEnv({}),
      FATHOM_API_TOKEN: state.env.FATHOM_API_TOKEN,
      FATHOM_API_BASE_URL: "https://fathom.test/v1",
      appSecret: state.env.appSecret,
    }),
  };
});

const { DELETE, GET, PUT } = await import("./route");
const { POST: TEST } = await import("./test/route");
const { GET: SITES } = await import("../sites/route");
const { connectionMode, getFathom, resetFathomConnection } = await import("@/lib/server/connection");

const PASTED = "fthm_pasted_8c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f";
const REPLACEMENT = "fthm_second_0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c";
const ENV_TOKEN = "fthm_fromenv_77aa66bb55cc44dd33ee22ff11";
const SECRETS = [PASTED, REPLACEMENT, ENV_TOKEN];

const admin: User = { id: 1, email: "admin@example.com", name: "Ada", role: "admin", createdAt: "2024-01-01T00:00:00Z" };
const TOKEN_INFO = {
  name: "Sounding",
  version: 4,
  abilities: ["all-sites-readonly"],
  last_used_at: null,
  expires_at: "2030-01-01 00:00:00",
  created_at: "2024-01-01 12:00:00",
  updated_at: "2024-01-01 12:00:00",
};

/** The fake Fathom: accepts only `valid` tokens and echoes the token it got in its 401, as a careless server might. */
function fathomAccepting(valid: string[]): { calls: RecordedRequest[] } {
  const respond: Responder = ({ url, headers }) => {
    const token = headers.get("authorization")?.replace(/^Bearer /, "") ?? "";
    if (!valid.includes(token)) return jsonResponse({ error: `Unauthenticated: ${token}` }, 401);
    if (url.pathname === "/v1/token") return jsonResponse(TOKEN_INFO);
    if (url.pathname === "/v1/sites") {
      return jsonResponse({
        object: "list",
        has_more: false,
        data: [{ id: "CDBUGS", object: "site", name: "Bugs Bunny", sharing: "none", created_at: "2020-07-27 12:01:01", timezone: "America/New_York" }],
      });
    }
    return jsonResponse({ object: "list", has_more: false, data: [] });
  };
  const fake = fakeFetch(respond);
  vi.stubGlobal("fetch", fake.fetch);
  return fake;
}

async function call(handler: (request: NextRequest, context: { params: Promise<Record<string, never>> }) => Promise<Response>, method: string, body?: unknown) {
  const request = new NextRequest("http://sounding.test/api/connection", {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const response = await handler(request, { params: Promise.resolve({}) });
  const text = await response.text();
  for (const secret of SECRETS) expect(text, `${method} answer leaked a token`).not.toContain(secret);
  return { status: response.status, json: JSON.parse(text) };
}

beforeEach(async () => {
  state.user = admin;
  state.db = await openTestDatabase();
  state.env.FATHOM_API_TOKEN = undefined;
  state.env.appSecret = "first-app-secret-with-32-characters-or-more";
  resetFathomConnection();
});

afterEach(async () => {
  vi.unstubAllGlobals();
  await (state.db as Kysely<Database>).destroy();
});

describe("/api/connection", () => {
  it("starts in demo mode with nothing stored", async () => {
    const { status, json } = await call(GET, "GET");
    expect(status).toBe(200);
    expect(json.status).toMatchObject({ mode: "demo", envToken: false, tokenHint: null, storedAt: null, storedUnreadable: false });
    expect(await connectionMode()).toBe("demo");
  });

  it("tests a pasted token with GET /token and shows its name, abilities and expiry", async () => {
    const fathom = fathomAccepting([PASTED]);
    const { status, json } = await call(TEST, "POST", { token: `  ${PASTED}\n` });
    expect(status).toBe(200);
    expect(json.token).toMatchObject({ name: "Sounding", abilities: ["all-sites-readonly"], expires_at: "2030-01-01 00:00:00" });
    expect(fathom.calls).toHaveLength(1);
    expect(fathom.calls[0]!.url.href).toBe("https://fathom.test/v1/token");
    expect(fathom.calls[0]!.headers.get("authorization")).toBe(`Bearer ${PASTED}`);
    expect(await connectionMode()).toBe("demo"); // testing does not save
  });

  it("says clearly when Fathom rejects a token, without repeating it", async () => {
    fathomAccepting([]);
    const { status, json } = await call(TEST, "POST", { token: PASTED });
    expect(status).toBe(400);
    expect(json.error.code).toBe("token_rejected");
    const saved = await call(PUT, "PUT", { token: PASTED });
    expect(saved.status).toBe(400);
    expect(await connectionMode()).toBe("demo");
  });

  it("refuses an empty or multi-line token before asking Fathom", async () => {
    const fathom = fathomAccepting([PASTED]);
    expect((await call(TEST, "POST", { token: "   " })).status).toBe(400);
    expect((await call(PUT, "PUT", { token: `${PASTED} ${PASTED}` })).json.error.message).toContain("no spaces");
    expect(fathom.calls).toHaveLength(0);
  });

  it("saves a checked token encrypted; the connection switches to it; only the last four characters come back", async () => {
    const fathom = fathomAccepting([PASTED]);
    const { status, json } = await call(PUT, "PUT", { token: PASTED });
    expect(status).toBe(200);
    expect(json.status).toMatchObject({ mode: "stored", envToken: false, tokenHint: PASTED.slice(-4), storedUnreadable: false });
    expect(json.token.name).toBe("Sounding");

    const rows = await (state.db as Kysely<Database>).selectFrom("settings").selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(PASTED);

    expect(await connectionMode()).toBe("stored");
    const connection = await getFathom();
    expect(connection.mode).toBe("stored");
    expect(connection.tokenFingerprint).toMatch(/^[0-9a-f]{12}$/);
    expect(PASTED).not.toContain(connection.tokenFingerprint);
    await connection.client.listSites();
    expect(fathom.calls.at(-1)!.headers.get("authorization")).toBe(`Bearer ${PASTED}`);

    const tested = await call(TEST, "POST", {});
    expect(tested.status).toBe(200);
    expect(fathom.calls.at(-1)!.headers.get("authorization")).toBe(`Bearer ${PASTED}`);
  });

  it("replacing the token resets the cached client", async () => {
    const fathom = fathomAccepting([PASTED, REPLACEMENT]);
    await call(PUT, "PUT", { token: PASTED });
    const before = await getFathom();
    await call(PUT, "PUT", { token: REPLACEMENT });
    const after = await getFathom();
    expect(after).not.toBe(before);
    expect(after.tokenFingerprint).not.toBe(before.tokenFingerprint);
    await after.client.getToken();
    expect(fathom.calls.at(-1)!.headers.get("authorization")).toBe(`Bearer ${REPLACEMENT}`);
  });

  it("removing the token returns to demo mode", async () => {
    fathomAccepting([PASTED]);
    await call(PUT, "PUT", { token: PASTED });
    const { status, json } = await call(DELETE, "DELETE");
    expect(status).toBe(200);
    expect(json).toMatchObject({ removed: true, status: { mode: "demo", tokenHint: null } });
    expect(await connectionMode()).toBe("demo");
  });

  it("is read-only when FATHOM_API_TOKEN is set, and never shows that token", async () => {
    state.env.FATHOM_API_TOKEN = ENV_TOKEN;
    const fathom = fathomAccepting([ENV_TOKEN]);
    const { json } = await call(GET, "GET");
    expect(json.status).toMatchObject({ mode: "env", envToken: true, tokenHint: ENV_TOKEN.slice(-4) });
    expect((await call(PUT, "PUT", { token: PASTED })).status).toBe(409);
    expect((await call(DELETE, "DELETE")).status).toBe(409);
    expect((await call(TEST, "POST", {})).status).toBe(200);
    expect(fathom.calls.at(-1)!.headers.get("authorization")).toBe(`Bearer ${ENV_TOKEN}`);
    expect((await getFathom()).mode).toBe("env");
  });

  it("is for admins only", async () => {
    state.user = { ...admin, role: "editor" };
    expect((await call(GET, "GET")).status).toBe(403);
    expect((await call(PUT, "PUT", { token: PASTED })).status).toBe(403);
    state.user = null;
    expect((await call(TEST, "POST", { token: PASTED })).status).toBe(401);
  });

  it("reports an unreadable stored token (APP_SECRET changed) and says who can fix it", async () => {
    fathomAccepting([PASTED]);
    await call(PUT, "PUT", { token: PASTED });
    state.env.appSecret = "a-different-app-secret-of-32-characters-min";
    resetFathomConnection();
    const { json } = await call(GET, "GET");
    expect(json.status).toMatchObject({ mode: "stored", storedUnreadable: true, tokenHint: null });
    const sites = await call(SITES, "GET");
    expect(sites.status).toBe(500);
    expect(sites.json.error.code).toBe("fathom_token_unreadable");
    expect(sites.json.error.message).toContain("Settings → Fathom connection");
  });
});

describe("/api/sites", () => {
  it("lists every site for any signed-in user", async () => {
    fathomAccepting([PASTED]);
    await call(PUT, "PUT", { token: PASTED });
    state.user = { ...admin, role: "viewer" };
    const { status, json } = await call(SITES, "GET");
    expect(status).toBe(200);
    expect(json).toEqual({
      mode: "stored",
      sites: [
        {
          id: "CDBUGS",
          name: "Bugs Bunny",
          timezone: "America/New_York",
          sharing: "none",
          createdAt: "2020-07-27 12:01:01",
          events: [],
          milestones: [],
        },
      ],
    });
  });

  it("turns a rejected token into a message that points to the settings, without the token", async () => {
    state.env.FATHOM_API_TOKEN = ENV_TOKEN;
    fathomAccepting([]); // Fathom no longer accepts the env token, and echoes it back
    const { status, json } = await call(SITES, "GET");
    expect(status).toBe(502);
    expect(json.error).toEqual({
      code: "fathom_unauthorized",
      message: "Fathom rejected the API token; an admin can fix it in Settings → Fathom connection.",
    });
  });

  it("needs a signed-in user", async () => {
    state.user = null;
    expect((await call(SITES, "GET")).status).toBe(401);
  });
});
