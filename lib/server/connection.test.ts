import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { loadSiteDirectory } from "@/lib/fathom/site-directory";
import { openTestDatabase } from "@/lib/store/db";

const state = vi.hoisted(() => ({ db: null as unknown, envToken: undefined as string | undefined }));

vi.mock("@/lib/store/db", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/store/db")>()),
  database: async () => state.db,
}));
vi.mock("@/lib/config/server-config", () => ({
  getServerConfig: () => ({
    FATHOM_API_TOKEN: state.envToken,
    FATHOM_API_BASE_URL: "https://fathom.test/v1",
    appSecret: "an-app-secret-with-at-least-32-characters",
  }),
}));

const { connectionMode, getConnectionStatus, getFathom, resetFathomConnection, tokenFingerprint, tokenHint } = await import("./connection");

beforeEach(async () => {
  state.db = await openTestDatabase();
  state.envToken = undefined;
  resetFathomConnection();
});
afterEach(() => resetFathomConnection());

describe("demo mode", () => {
  it("with neither an env nor a stored token, the client talks to the in-process simulator", async () => {
    expect(await connectionMode()).toBe("demo");
    const { client, mode, tokenFingerprint: fingerprint } = await getFathom();
    expect(mode).toBe("demo");
    expect(fingerprint).toBe(tokenFingerprint("sim-token"));
    const sites = await loadSiteDirectory(client);
    expect(sites.length).toBeGreaterThanOrEqual(3);
    expect((await getConnectionStatus()).baseUrl).toBe("http://simulator.local/v1");
  });

  it("keeps one simulator per process, so demo edits survive a connection reset", async () => {
    const created = await (await getFathom()).client.createSite({ name: "Made in the demo" });
    resetFathomConnection();
    const again = await getFathom();
    expect((await again.client.getSite(created.id)).name).toBe("Made in the demo");
  });

  it("caches the connection until reset", async () => {
    expect(await getFathom()).toBe(await getFathom());
  });
});

describe("env mode", () => {
  it("FATHOM_API_TOKEN wins", async () => {
    state.envToken = "fthm_env_0123456789abcdef";
    expect(await connectionMode()).toBe("env");
    const connection = await getFathom();
    expect(connection.mode).toBe("env");
    expect(connection.tokenFingerprint).toBe(tokenFingerprint("fthm_env_0123456789abcdef"));
  });
});

describe("token fingerprints and hints", () => {
  it("a fingerprint is a short hash prefix, never part of the token", () => {
    const token = "fthm_0123456789abcdef0123456789abcdef";
    expect(tokenFingerprint(token)).toMatch(/^[0-9a-f]{12}$/);
    expect(tokenFingerprint(token)).not.toBe(tokenFingerprint(`${token}x`));
    expect(token).not.toContain(tokenFingerprint(token));
  });

  it("a hint is the last four characters, and only for a long token", () => {
    expect(tokenHint("fthm_0123456789abcdef")).toBe("cdef");
    expect(tokenHint("short-token")).toBeNull();
  });
});
