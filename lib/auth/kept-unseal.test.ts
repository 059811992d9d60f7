import { sealData } from "iron-session";
import { describe, expect, it, vi } from "vitest";

const opened = vi.hoisted(() => ({ count: 0 }));
vi.mock("iron-session", async (importOriginal) => {
  const real = await importOriginal<typeof import("iron-session")>();
  return { ...real, unsealData: (...args: Parameters<typeof real.unsealData>) => (opened.count++, real.unsealData(...args)) };
});
const { unsealKept } = await import("./kept-unseal");

const password = "a-test-app-secret-with-32-characters-or-more";

describe("opening a sealed cookie", () => {
  it("opens a browser's seal once a minute, not on every request", async () => {
    const seal = await sealData({ token: "abc" }, { password, ttl: 3600 });
    const before = opened.count;
    const now = Date.now();
    expect(await unsealKept(seal, { password, ttl: 3600 }, now)).toEqual({ token: "abc" });
    expect(await unsealKept(seal, { password, ttl: 3600 }, now + 59_000)).toEqual({ token: "abc" });
    expect(opened.count - before).toBe(1);
    expect(await unsealKept(seal, { password, ttl: 3600 }, now + 61_000)).toEqual({ token: "abc" });
    expect(opened.count - before).toBe(2);
  });

  it("never keeps a seal past its own expiry, nor one that did not open", async () => {
    const seal = await sealData({ token: "short" }, { password, ttl: 2 });
    const now = Date.now();
    expect(await unsealKept(seal, { password, ttl: 2 }, now)).toEqual({ token: "short" });
    const before = opened.count;
    await unsealKept(seal, { password, ttl: 2 }, now + 1_000);
    expect(opened.count - before).toBe(0);
    // Past the seal's own expiry (2 s), though well within the minute: opened again, so iron-session decides.
    await unsealKept(seal, { password, ttl: 2 }, now + 3_000);
    expect(opened.count - before).toBe(1);

    const forged = `${seal.slice(0, -4)}AAAA`;
    const wrongPassword = await sealData({ token: "other" }, { password: `${password}-other`, ttl: 3600 });
    for (const bad of [forged, wrongPassword]) {
      const tries = opened.count;
      expect(await unsealKept(bad, { password, ttl: 3600 })).toEqual({});
      expect(await unsealKept(bad, { password, ttl: 3600 })).toEqual({});
      expect(opened.count - tries).toBe(2);
    }
  });
});
