/**
 * The share admin routes over HTTP, on a real (in-memory) database: editors only (a share names its locked
 * filters), exact ids, settings and logos that do not validate refused with 400 and nothing written, a
 * full-size logo within the body limit and a larger body refused with 413.
 */
import type { Kysely } from "kysely";
import { describe, expect, it, vi } from "vitest";
import { callRoute, testUser } from "@/lib/api/route-test-kit";
import { documentsRouteTest, type RouteTestState } from "@/lib/reports/document-test-kit";
import { MAX_LOGO_BYTES } from "@/lib/shares/share";
import type { Database } from "@/lib/store/schema";

const state = vi.hoisted((): RouteTestState => ({ user: null, db: null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => state.user }));
vi.mock("@/lib/store/db", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/store/db")>()),
  database: async () => state.db,
}));
vi.mock("@/lib/config/server-config", async () => {
  // No PUBLIC_URL: links are built from the request's own origin.
  const { parseEnv } = await import("@/lib/config/env");
  const config = { ...parseEnv({}), appSecret: "x".repeat(32) };
  return { getServerConfig: () => config };
});

const list = await import("./route");
const item = await import("./[id]/route");
const stateRoute = await import("./[id]/state/route");
const dashboards = await import("../dashboards/route");
const { SHARE_MAX_BODY_BYTES } = await import("@/lib/shares/shares-service");

const kit = documentsRouteTest(state);

type Share = { id: number; slug: string; url: string; state: string; hasPassword: boolean; hasLogo: boolean };
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const settings = (branding: Record<string, unknown> = {}) => ({
  clientName: "Acme",
  window: { presets: ["last_month"], defaultPreset: "last_month", floor: null, ceiling: null },
  lockedFilters: [{ property: "hostname", operator: "is", value: "acme.example" }],
  lockedLabel: "",
  milestones: { mode: "all" },
  branding: { accent: null, intro: "", madeWith: true, ...branding },
  embedOrigins: [],
  refreshMinutes: 15,
});
const board = async () => (await callRoute<{ id: number }>(dashboards.POST, "POST", { body: { name: "Weekly" } })).json.id;
const shareBody = (target: number, extra: Record<string, unknown> = {}) => ({ target: { kind: "dashboard", id: target }, settings: settings(), ...extra });
const created = async () => (await callRoute<Share>(list.POST, "POST", { body: shareBody(await board()) })).json;
const id = (value: number | string) => ({ id: String(value) });
/** The shares and audit entries written so far. */
const written = async () => ({ shares: (await (state.db as Kysely<Database>).selectFrom("shares").select("id").execute()).length, audit: (await kit.counts()).audit });

describe("/api/shares", () => {
  it("creates, lists, reads, changes, rotates and revokes a share", async () => {
    const made = await callRoute<Share>(list.POST, "POST", { body: shareBody(await board(), { password: "open sesame" }) });
    expect(made).toMatchObject({ status: 201, json: { state: "active", hasPassword: true, target: { name: "Weekly" } } });
    expect(made.json.url).toBe(`http://sounding.test/share/${made.json.slug}`);
    expect(made.json).not.toHaveProperty("password");
    const target = id(made.json.id);
    expect((await callRoute<{ shares: Share[] }>(list.GET, "GET")).json.shares.map((share) => share.id)).toEqual([made.json.id]);
    expect(await callRoute(item.GET, "GET", { params: target })).toMatchObject({ status: 200, json: { slug: made.json.slug } });
    expect(await callRoute(item.PATCH, "PATCH", { params: target, body: { password: null } })).toMatchObject({ status: 200, json: { hasPassword: false } });
    const rotated = await callRoute<Share>(stateRoute.POST, "POST", { params: target, body: { action: "rotate" } });
    expect(rotated.status).toBe(200);
    expect(rotated.json.slug).not.toBe(made.json.slug);
    expect(await callRoute(stateRoute.POST, "POST", { params: target, body: { action: "revoke" } })).toMatchObject({ status: 200, json: { state: "revoked" } });
    expect(await callRoute(stateRoute.POST, "POST", { params: target, body: { action: "revoke" } })).toMatchObject({ status: 200, json: { state: "revoked" } });
    expect(await callRoute(item.PATCH, "PATCH", { params: target, body: { expiresAt: null } })).toMatchObject({ status: 409, json: { error: { code: "share_revoked" } } });
    expect(await callRoute(stateRoute.POST, "POST", { params: target, body: { action: "resume" } })).toMatchObject({ status: 409 });
  });

  it("is for editors: a viewer gets 403, a signed-out caller 401, and nothing changes", async () => {
    const share = await created();
    const before = await kit.counts();
    const calls = [
      () => callRoute(list.GET, "GET"),
      () => callRoute(list.POST, "POST", { body: shareBody(1) }),
      () => callRoute(item.GET, "GET", { params: id(share.id) }),
      () => callRoute(item.PATCH, "PATCH", { params: id(share.id), body: { expiresAt: null } }),
      () => callRoute(stateRoute.POST, "POST", { params: id(share.id), body: { action: "revoke" } }),
    ];
    state.user = testUser("viewer");
    for (const call of calls) expect((await call()).status).toBe(403);
    state.user = null;
    for (const call of calls) expect((await call()).status).toBe(401);
    state.user = testUser("admin");
    expect(await callRoute(item.GET, "GET", { params: id(share.id) })).toMatchObject({ status: 200, json: { state: "active" } });
    expect(await kit.counts()).toEqual(before);
  });

  it("refuses hostile ids with 400 and answers unknown ones 404", async () => {
    for (const hostile of ["0", "-1", "01", "1e3", "1.5", " 1", "12345678901"]) {
      const calls = [
        () => callRoute(item.GET, "GET", { params: { id: hostile } }),
        () => callRoute(item.PATCH, "PATCH", { params: { id: hostile }, body: { expiresAt: null } }),
        () => callRoute(stateRoute.POST, "POST", { params: { id: hostile }, body: { action: "pause" } }),
      ];
      for (const call of calls) {
        const { status, json } = await call();
        expect(status, hostile).toBe(400);
        expect(json.error?.fields?.id).toEqual(["That is not a share id"]);
      }
    }
    for (const call of [
      () => callRoute(item.GET, "GET", { params: id(77) }),
      () => callRoute(item.PATCH, "PATCH", { params: id(77), body: { expiresAt: null } }),
      () => callRoute(stateRoute.POST, "POST", { params: id(77), body: { action: "pause" } }),
    ]) {
      expect(await call()).toMatchObject({ status: 404, json: { error: { code: "share_not_found", message: "There is no share 77." } } });
    }
  });

  it("refuses what does not validate with 400 naming the problem, writing nothing", async () => {
    const target = await board();
    const share = await created();
    const before = await written();
    const svg = { type: "image/svg+xml", base64: Buffer.from("<svg/>").toString("base64") };
    const svgAsPng = { type: "image/png", base64: Buffer.from('<svg onload="alert(1)"/>').toString("base64") };
    const cases: [Record<string, unknown>, string, string, RegExp][] = [
      [{ settings: settings({ accent: "#ffff66" }) }, "invalid_input", "settings.branding.accent", /too light: 1\.\d\d:1 against the light page, and it needs 3:1/],
      [{ settings: settings({ accent: "#0a0a40" }) }, "invalid_input", "settings.branding.accent", /too dark: 1\.\d\d:1 against the dark page/],
      [{ logo: svg }, "invalid_input", "logo.type", /not SVG/],
      [{ logo: svgAsPng }, "invalid_logo", "logo", /not a PNG image/],
      [{ expiresAt: "2020-01-01T00:00:00Z" }, "invalid_input", "expiresAt", /in the future/],
    ];
    for (const [extra, code, field, message] of cases) {
      for (const call of [
        () => callRoute(list.POST, "POST", { body: shareBody(target, extra) }),
        () => callRoute(item.PATCH, "PATCH", { params: id(share.id), body: { settings: settings(), ...extra } }),
      ]) {
        const { status, json } = await call();
        expect(status, json.error?.message).toBe(400);
        expect(json.error?.code).toBe(code);
        expect(json.error?.fields?.[field]?.[0]).toMatch(message);
      }
    }
    expect(await callRoute(list.POST, "POST", { body: shareBody(4040) })).toMatchObject({
      status: 400,
      json: { error: { code: "unknown_target", message: "There is no dashboard 4040" } },
    });
    expect(await callRoute(stateRoute.POST, "POST", { params: id(share.id), body: { action: "delete" } })).toMatchObject({ status: 400 });
    expect(await callRoute(item.PATCH, "PATCH", { params: id(share.id), body: {} })).toMatchObject({ status: 400 });
    expect(await written()).toEqual(before);
  });

  it("accepts a logo of the largest size, and refuses a body beyond the limit with 413", async () => {
    const logo = { type: "image/png", base64: Buffer.concat([PNG, Buffer.alloc(MAX_LOGO_BYTES - PNG.length)]).toString("base64") };
    const made = await callRoute<Share>(list.POST, "POST", { body: shareBody(await board(), { logo }) });
    expect(made).toMatchObject({ status: 201, json: { hasLogo: true } });
    const before = await written();
    const huge = { settings: settings(), padding: "x".repeat(SHARE_MAX_BODY_BYTES) };
    expect(await callRoute(item.PATCH, "PATCH", { params: id(made.json.id), body: huge })).toMatchObject({ status: 413, json: { error: { code: "body_too_large" } } });
    expect(await callRoute(list.POST, "POST", { body: { ...shareBody(1), padding: "x".repeat(SHARE_MAX_BODY_BYTES) } })).toMatchObject({ status: 413 });
    expect(await written()).toEqual(before);
  });
});
