import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { testPublicShare } from "@/lib/shares/share-test-kit";
import type { PublicShare } from "@/lib/shares/shares-service";

const state = vi.hoisted(() => ({ findPublicShare: vi.fn(), shareLogo: vi.fn() }));
vi.mock("@/lib/shares/shares-service", () => ({ findPublicShare: state.findPublicShare, shareLogo: state.shareLogo }));
vi.mock("@/lib/config/server-config", async () => {
  const { parseEnv } = await import("@/lib/config/env");
  return { getServerConfig: () => ({ ...parseEnv({}), appSecret: "a-test-app-secret-with-32-characters-or-more" }) };
});

const { GET } = await import("./route");

const SLUG = "Lo9oLo9oLo9oLo9oLo9oLo9oLo9oLo9o";
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function share(patch: Partial<PublicShare> = {}): PublicShare {
  return testPublicShare({ slug: SLUG, hasLogo: true, ...patch });
}

async function get(slug = SLUG) {
  const response = await GET(new NextRequest(`http://sounding.test/share/${slug}/logo`), { params: Promise.resolve({ slug }) });
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
}

beforeEach(() => {
  state.findPublicShare.mockReset();
  state.shareLogo.mockReset().mockResolvedValue({ bytes: PNG, type: "image/png" });
});

describe("GET /share/[slug]/logo", () => {
  it("serves the logo as its stored type, never sniffed, with nothing in it allowed to run", async () => {
    state.findPublicShare.mockResolvedValue(share());
    const answer = await get();
    expect(answer.status).toBe(200);
    expect(answer.bytes).toEqual(PNG);
    expect(Object.fromEntries(answer.headers)).toMatchObject({
      "content-type": "image/png",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'",
      "cache-control": "private, max-age=300",
      "referrer-policy": "no-referrer",
    });
  });

  it("serves the logo of a protected share before it is unlocked: the password form shows it", async () => {
    state.findPublicShare.mockResolvedValue(share({ passwordHash: "scrypt$…" }));
    expect((await get()).status).toBe(200);
  });

  it("answers 404 for a link that does not work, a share without a logo, or a type that is not an image we store", async () => {
    state.findPublicShare.mockResolvedValueOnce(share({ state: "paused" }));
    expect((await get()).status).toBe(404);
    state.findPublicShare.mockResolvedValueOnce(share({ hasLogo: false }));
    expect((await get()).status).toBe(404);
    state.findPublicShare.mockResolvedValueOnce(share());
    state.shareLogo.mockResolvedValueOnce({ bytes: PNG, type: "image/svg+xml" });
    expect((await get()).status).toBe(404);
    expect(state.shareLogo).toHaveBeenCalledTimes(1);
  });

  it("answers 404 for a slug of the wrong shape without looking it up", async () => {
    expect((await get("x")).status).toBe(404);
    expect(state.findPublicShare).not.toHaveBeenCalled();
  });
});
