/**
 * Pending invites over HTTP, on a real (in-memory) database: admins list the invites still usable (never a
 * token or its hash) and revoke them by id; a revoked link is refused by the invite page's check and the
 * accept route; ids are checked exactly; editors, viewers and cross-site writes are refused, changing nothing.
 */
import type { Kysely } from "kysely";
import { describe, expect, it, vi } from "vitest";
import { callRoute, testUser } from "@/lib/api/route-test-kit";
import type { PendingInvite } from "@/lib/auth/pending-invite";
import { documentsRouteTest, type RouteTestState } from "@/lib/reports/document-test-kit";
import type { Database } from "@/lib/store/schema";

const state = vi.hoisted((): RouteTestState => ({ user: null, db: null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentUser: async () => state.user,
  // Accepting an invite signs the newcomer in: no cookies in a unit test.
  signIn: async () => undefined,
  knownDeviceEmail: async () => null,
}));
vi.mock("@/lib/store/db", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/store/db")>()),
  database: async () => state.db,
}));
vi.mock("@/lib/config/server-config", async () => {
  const { parseEnv } = await import("@/lib/config/env");
  const config = { ...parseEnv({}), appSecret: "x".repeat(32) };
  return { getServerConfig: () => config };
});

const create = await import("../route");
const accept = await import("../[token]/route");
const pending = await import("./route");
const item = await import("./[id]/route");
const { findUsableInvite } = await import("@/lib/auth/users");

documentsRouteTest(state);

type Created = { id: number; url: string; expiresAt: string; role: string };
type Listed = { invites: PendingInvite[]; now: string };

const db = () => state.db as Kysely<Database>;
const asAdmin = () => (state.user = testUser("admin"));
async function invite(role: "admin" | "editor" | "viewer" = "editor") {
  const made = await callRoute<Created>(create.POST, "POST", { body: { role } });
  expect(made.status).toBe(200);
  return { ...made.json, token: made.json.url.split("/invite/")[1]! };
}
const list = async () => callRoute<Listed>(pending.GET, "GET");
const revoke = (id: number | string, headers?: Record<string, string>) => callRoute(item.DELETE, "DELETE", { params: { id: String(id) }, headers });
const newcomer = (n: number) => ({ email: `new${n}@example.com`, name: `Newcomer ${n}`, password: "a long enough password" });
const inviteRows = async () => db().selectFrom("invites").select(["id", "used_at"]).orderBy("id").execute();

describe("GET /api/invites/pending", () => {
  it("lists only invites not accepted, not expired and not revoked, newest first, without tokens", async () => {
    asAdmin();
    const used = await invite("viewer");
    const revoked = await invite("admin");
    const first = await invite("editor");
    const second = await invite("viewer");
    expect(await callRoute(accept.POST, "POST", { params: { token: used.token }, body: newcomer(1) })).toMatchObject({ status: 200 });
    expect((await revoke(revoked.id)).status).toBe(200);
    // One that ran out long ago, never used.
    await db()
      .insertInto("invites")
      .values({ token_hash: "e".repeat(64), role: "editor", created_by: 1, created_at: "2020-01-01T00:00:00.000Z", expires_at: "2020-01-08T00:00:00.000Z", used_at: null })
      .execute();

    const { status, json, headers } = await list();
    expect(status).toBe(200);
    expect(headers.get("cache-control")).toBe("no-store");
    expect(json.invites.map((entry) => entry.id)).toEqual([second.id, first.id]);
    expect(json.invites[1]).toEqual({ id: first.id, role: "editor", invitedBy: { id: 1, name: "Ada" }, createdAt: expect.any(String), expiresAt: first.expiresAt });
    expect(Date.parse(json.invites[1]!.expiresAt) - Date.parse(json.invites[1]!.createdAt)).toBe(7 * 24 * 60 * 60 * 1000);
    expect(Date.parse(json.now)).not.toBeNaN();
    // Nothing that would let anyone accept an invite: no token, no hash, no link.
    const text = JSON.stringify(json);
    for (const made of [first, second]) expect(text).not.toContain(made.token);
    const hashes = await db().selectFrom("invites").select("token_hash").execute();
    for (const { token_hash } of hashes) expect(text).not.toContain(token_hash);
    expect(text).not.toMatch(/token|url|\/invite\//i);
  });

  it("says Former member for an invite whose maker was removed", async () => {
    asAdmin();
    await db().insertInto("users").values({ id: 9, email: "gone@example.com", name: "Gone", role: "admin", password_hash: "-", created_at: "2024-01-01T00:00:00Z" }).execute();
    state.user = { ...testUser("admin"), id: 9, name: "Gone", email: "gone@example.com" };
    await invite("viewer");
    await db().deleteFrom("users").where("id", "=", 9).execute();
    asAdmin();
    expect((await list()).json.invites).toEqual([expect.objectContaining({ role: "viewer", invitedBy: { id: null, name: "Former member" } })]);
  });

  it("is for admins: editors and viewers get 403, a signed-out caller 401", async () => {
    asAdmin();
    await invite();
    for (const role of ["editor", "viewer"] as const) {
      state.user = testUser(role);
      expect(await list()).toMatchObject({ status: 403, json: { error: { code: "forbidden" } } });
    }
    state.user = null;
    expect((await list()).status).toBe(401);
  });
});

describe("DELETE /api/invites/pending/:id", () => {
  it("revokes an invite: it leaves the list and its link no longer accepts anyone", async () => {
    asAdmin();
    const kept = await invite("viewer");
    const gone = await invite("editor");
    expect(await findUsableInvite(gone.token)).toMatchObject({ role: "editor" });
    expect(await revoke(gone.id)).toMatchObject({ status: 200, json: { ok: true } });

    expect((await list()).json.invites.map((entry) => entry.id)).toEqual([kept.id]);
    // The invite page's check (app/invite/[token]/page.tsx) finds nothing, and the accept route answers 410.
    expect(await findUsableInvite(gone.token)).toBeNull();
    state.user = null;
    const refused = await callRoute(accept.POST, "POST", { params: { token: gone.token }, body: newcomer(2) });
    expect(refused).toMatchObject({ status: 410, json: { error: { code: "invite_invalid", message: expect.stringMatching(/no longer valid/) } } });
    expect(await db().selectFrom("users").select("email").where("email", "=", "new2@example.com").execute()).toEqual([]);
    // The other invite still works.
    expect((await callRoute(accept.POST, "POST", { params: { token: kept.token }, body: newcomer(3) })).status).toBe(200);
  });

  it("answers 404 for an unknown, already used, expired or already revoked invite, changing nothing", async () => {
    asAdmin();
    const used = await invite("viewer");
    expect((await callRoute(accept.POST, "POST", { params: { token: used.token }, body: newcomer(4) })).status).toBe(200);
    const twice = await invite("editor");
    expect((await revoke(twice.id)).status).toBe(200);
    const expired = await db()
      .insertInto("invites")
      .values({ token_hash: "f".repeat(64), role: "editor", created_by: 1, created_at: "2020-01-01T00:00:00.000Z", expires_at: "2020-01-08T00:00:00.000Z", used_at: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    const before = await inviteRows();
    for (const id of [used.id, twice.id, expired.id, 4242]) {
      expect(await revoke(id)).toMatchObject({ status: 404, json: { error: { code: "invite_not_found", message: `There is no pending invite ${id}: it was already used, it expired or it was revoked.` } } });
    }
    expect(await inviteRows()).toEqual(before);
  });

  it("refuses malformed ids with 400", async () => {
    asAdmin();
    const made = await invite();
    for (const hostile of ["0", "-1", "01", "1e3", "1.5", " 1", "1 ", "0x1", "abc", made.token, "12345678901", "2147483648"]) {
      const { status, json } = await revoke(hostile);
      expect(status, hostile).toBe(400);
      expect(json.error?.fields?.id, hostile).toEqual(["That is not an invite id"]);
    }
    expect((await list()).json.invites.map((entry) => entry.id)).toEqual([made.id]);
  });

  it("is for admins from our own pages: editors and viewers get 403, signed out 401, cross-site 403", async () => {
    asAdmin();
    const made = await invite();
    for (const role of ["editor", "viewer"] as const) {
      state.user = testUser(role);
      expect(await revoke(made.id)).toMatchObject({ status: 403, json: { error: { code: "forbidden" } } });
    }
    state.user = null;
    expect((await revoke(made.id)).status).toBe(401);
    asAdmin();
    const crossSite: Record<string, string>[] = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }, { origin: "null" }];
    for (const headers of crossSite) {
      expect(await revoke(made.id, headers)).toMatchObject({ status: 403, json: { error: { message: "Cross-site requests are not allowed." } } });
    }
    expect((await list()).json.invites.map((entry) => entry.id)).toEqual([made.id]);
    expect(await findUsableInvite(made.token)).not.toBeNull();
  });
});
