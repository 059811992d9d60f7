/**
 * The password form's route, below HTTP: a wrong password goes back to the page saying so and is counted;
 * the sixth attempt from one address within 15 minutes is refused before its password is checked; a right
 * one sets an unlock cookie for that share only; other sites cannot post the form.
 */
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { testPublicShare } from "@/lib/shares/share-test-kit";
import type { PublicShare } from "@/lib/shares/shares-service";

const state = vi.hoisted(() => ({ findPublicShare: vi.fn(), recordUnlockFailure: vi.fn(), verified: vi.fn() }));

vi.mock("@/lib/shares/shares-service", () => ({
  findPublicShare: state.findPublicShare,
  recordUnlockFailure: state.recordUnlockFailure,
  recordShareView: vi.fn(),
  shareLogo: vi.fn(),
}));
vi.mock("@/lib/config/server-config", async () => {
  const { parseEnv } = await import("@/lib/config/env");
  return { getServerConfig: () => ({ ...parseEnv({}), appSecret: "a-test-app-secret-with-32-characters-or-more" }) };
});
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/password")>();
  // The real scrypt check, watched: a refused attempt must not even run it.
  return { ...real, verifyPassword: (password: string, hash: string) => (state.verified(password), real.verifyPassword(password, hash)) };
});

const { POST } = await import("./route");
const { hashPassword } = await import("@/lib/auth/password");
const { readUnlock } = await import("@/lib/shares/unlock-cookie");

const SLUG = "Zy4xWv1uTs8rQp5oNm2lKj9iHg6fEd3c";
const PASSWORD = "correct horse battery";
let hash = "";
let nextId = 500;

function share(patch: Partial<PublicShare> = {}): PublicShare {
  return testPublicShare(
    { id: nextId++, slug: SLUG, passwordHash: hash, sessionEpoch: 4, ...patch },
    { window: { presets: ["last_month", "last_7_days"], defaultPreset: "last_month", floor: null, ceiling: null } },
  );
}

type Post = { password?: string; range?: string; address?: string; headers?: Record<string, string>; body?: string; slug?: string };

async function post({ password, range, address = "203.0.113.9", headers = {}, body, slug = SLUG }: Post = {}) {
  const form = new URLSearchParams();
  if (password !== undefined) form.set("password", password);
  if (range !== undefined) form.set("range", range);
  const request = new NextRequest(`http://sounding.test/share/${slug}/unlock`, {
    method: "POST",
    headers: {
      host: "sounding.test",
      origin: "http://sounding.test",
      "sec-fetch-site": "same-origin",
      "content-type": "application/x-www-form-urlencoded",
      "x-sounding-peer": address,
      ...headers,
    },
    body: body ?? form.toString(),
  });
  const response = await POST(request, { params: Promise.resolve({ slug }) });
  return { status: response.status, location: response.headers.get("location"), cookie: response.headers.get("set-cookie"), headers: response.headers };
}

const edge = globalThis as typeof globalThis & { __soundingEdge?: { trustHops: number } };
beforeAll(async () => {
  hash = await hashPassword(PASSWORD);
  // As behind the production edge: the client's address and scheme come from its headers.
  edge.__soundingEdge = { trustHops: 0 };
});
afterAll(() => {
  delete edge.__soundingEdge;
});
beforeEach(() => {
  state.findPublicShare.mockReset();
  state.recordUnlockFailure.mockReset().mockResolvedValue(undefined);
  state.verified.mockReset();
});

describe("POST /share/[slug]/unlock", () => {
  it("goes back to the page saying the password was wrong, and counts the failure", async () => {
    const target = share();
    state.findPublicShare.mockResolvedValue(target);
    const answer = await post({ password: "not the password", range: "last_7_days" });
    expect(answer).toMatchObject({ status: 303, location: `/share/${SLUG}?range=last_7_days&unlock=wrong`, cookie: null });
    expect(state.recordUnlockFailure).toHaveBeenCalledWith(target.id);
    expect(answer.headers.get("cache-control")).toBe("no-store");
  });

  it("unlocks with the right password: a cookie for this share's path only, then back to the range asked", async () => {
    const target = share();
    state.findPublicShare.mockResolvedValue(target);
    const answer = await post({ password: PASSWORD, range: "last_month" });
    expect(answer).toMatchObject({ status: 303, location: `/share/${SLUG}?range=last_month` });
    expect(answer.cookie).toMatch(new RegExp(`^sounding_share=[^;]+; Path=/share/${SLUG}; Max-Age=43200; HttpOnly; SameSite=Lax$`));
    const value = /^sounding_share=([^;]+)/.exec(answer.cookie!)![1];
    expect(await readUnlock(value, target)).toBe(true);
    // A new password, a rotation or a revocation raises the epoch: the cookie no longer opens the share.
    expect(await readUnlock(value, { ...target, sessionEpoch: 5 })).toBe(false);
    expect(await readUnlock(value, { ...target, id: target.id + 1 })).toBe(false);
    expect(state.recordUnlockFailure).not.toHaveBeenCalled();
  });

  it("never puts a range the share does not show into the address it goes back to", async () => {
    state.findPublicShare.mockResolvedValue(share());
    expect((await post({ password: PASSWORD, range: "https://evil.example/" })).location).toBe(`/share/${SLUG}`);
    expect((await post({ password: PASSWORD, range: "this_year" })).location).toBe(`/share/${SLUG}`);
  });

  it("refuses the sixth attempt within 15 minutes from one address before checking its password; other addresses may still try", async () => {
    state.findPublicShare.mockResolvedValue(share());
    for (let attempt = 0; attempt < 5; attempt++) expect((await post({ password: `guess ${attempt}` })).location).toContain("unlock=wrong");
    expect(state.verified).toHaveBeenCalledTimes(5);

    const sixth = await post({ password: PASSWORD });
    expect(sixth).toMatchObject({ status: 303, location: `/share/${SLUG}`, cookie: null });
    expect(state.verified).toHaveBeenCalledTimes(5);
    expect(state.recordUnlockFailure).toHaveBeenCalledTimes(5);

    const elsewhere = await post({ password: PASSWORD, address: "198.51.100.7" });
    expect(elsewhere.cookie).toMatch(/^sounding_share=/);
  });

  it("counts parallel guesses before the first password is checked", async () => {
    state.findPublicShare.mockResolvedValue(share());
    const answers = await Promise.all(Array.from({ length: 8 }, (_, index) => post({ password: `parallel ${index}`, address: "192.0.2.44" })));
    expect(answers.filter((answer) => answer.location?.includes("unlock=wrong"))).toHaveLength(5);
    expect(state.verified).toHaveBeenCalledTimes(5);
  });

  it("sets a cookie an embedding site's frame can send when the share may be embedded, over https", async () => {
    state.findPublicShare.mockResolvedValue(share({ settings: { ...share().settings, embedOrigins: ["https://client.example"] } }));
    const answer = await post({ password: PASSWORD, headers: { "x-sounding-proto": "https", origin: "https://sounding.test" } });
    expect(answer.cookie).toMatch(/; HttpOnly; SameSite=None; Secure; Partitioned$/);
  });

  it("keeps an embedded page embedded after the form, and refuses any other embed value", async () => {
    state.findPublicShare.mockResolvedValue(share());
    expect((await post({ body: "password=wrong+one&embed=1" })).location).toBe(`/share/${SLUG}?embed=1&unlock=wrong`);
    expect((await post({ body: `password=${encodeURIComponent(PASSWORD)}&range=last_month&embed=1` })).location).toBe(`/share/${SLUG}?range=last_month&embed=1`);
    expect((await post({ body: "password=x&embed=https://evil.example" })).status).toBe(400);
  });

  it("takes the page's own form, which a no-referrer page posts with Origin: null, only when the browser says it is same-origin", async () => {
    state.findPublicShare.mockResolvedValue(share());
    expect((await post({ password: PASSWORD, headers: { origin: "null" } })).cookie).toMatch(/^sounding_share=/);
    expect((await post({ password: PASSWORD, headers: { origin: "null", "sec-fetch-site": "cross-site" } })).status).toBe(403);
    const withoutFetchMetadata = new NextRequest(`http://sounding.test/share/${SLUG}/unlock`, {
      method: "POST",
      headers: { host: "sounding.test", origin: "null", "content-type": "application/x-www-form-urlencoded" },
      body: `password=${encodeURIComponent(PASSWORD)}`,
    });
    expect((await POST(withoutFetchMetadata, { params: Promise.resolve({ slug: SLUG }) })).status).toBe(403);
  });

  it("refuses a form posted from another site, before any lookup", async () => {
    const foreign: Array<Record<string, string>> = [{ "sec-fetch-site": "cross-site" }, { origin: "https://evil.example" }];
    for (const headers of foreign) {
      const answer = await post({ password: PASSWORD, headers });
      expect(answer.status).toBe(403);
    }
    expect(state.findPublicShare).not.toHaveBeenCalled();
  });

  it("refuses what is not the page's form, and a slug of the wrong shape, before any lookup", async () => {
    expect((await post({ password: PASSWORD, headers: { "content-type": "application/json" }, body: "{}" })).status).toBe(415);
    expect((await post({ body: "range=last_month" })).status).toBe(400);
    expect((await post({ body: "password=a&password=b" })).status).toBe(400);
    expect((await post({ body: `password=${"x".repeat(5000)}` })).status).toBe(413);
    expect((await post({ password: PASSWORD, slug: "not-a-slug" })).status).toBe(404);
    expect(state.findPublicShare).not.toHaveBeenCalled();
  });

  it("goes back to the page, which says why, for a link that does not work or needs no password", async () => {
    state.findPublicShare.mockResolvedValueOnce(share({ state: "revoked" }));
    expect(await post({ password: PASSWORD })).toMatchObject({ status: 303, location: `/share/${SLUG}`, cookie: null });
    state.findPublicShare.mockResolvedValueOnce(share({ passwordHash: null }));
    expect(await post({ password: PASSWORD })).toMatchObject({ status: 303, location: `/share/${SLUG}`, cookie: null });
    expect(state.verified).not.toHaveBeenCalled();
  });
});
