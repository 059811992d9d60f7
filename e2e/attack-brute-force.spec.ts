import { expect, test } from "@playwright/test";
import { useAttackStack } from "./support/attack-stack";
import { raw } from "./support/raw-http";
import { cookiesOf, jsonHeaders } from "./support/team";

// Journey: password guessers, behind a reverse proxy that Sounding trusts (TRUST_PROXY=1, so each request's
// address is what the proxy appended to X-Forwarded-For). A burst from one address is counted before any
// password is checked; an address spraying many accounts is slowed; many addresses guessing one account lock
// it for new browsers only; and the real user, at their own address or on their own laptop, still signs in.
test.describe.serial("sign-in throttle against brute force", () => {
  const stack = useAttackStack({ TRUST_PROXY: "1" });

  const attempt = (email: string, password: string, address: string, cookie?: string) =>
    raw(stack.own.url, {
      method: "POST",
      path: "/api/session",
      headers: { "content-type": "application/json", origin: stack.own.url, "x-forwarded-for": `6.6.6.6, ${address}`, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ email, password }),
    });

  test("100 parallel wrong passwords from one address: the free five are checked, then one per expired wait", async () => {
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => attempt(stack.team.viewer.email, `wrong guess ${i}`, "203.0.113.9")));
    const statuses = answers.map((answer) => answer.status);
    console.log(`[attack] 100 parallel guesses: ${statuses.filter((s) => s === 401).length} checked (401), ${statuses.filter((s) => s === 429).length} refused (429)`);
    // Counted before checking: beyond the five free failures, a guess only gets through once a wait (1 s,
    // then 2 s, 4 s…) has run out while the burst is still arriving, which a busy machine allows once or twice.
    const checked = statuses.filter((status) => status === 401).length;
    expect(checked).toBeGreaterThanOrEqual(5);
    expect(checked).toBeLessThanOrEqual(7);
    expect(statuses.filter((status) => status === 429)).toHaveLength(100 - checked);
    const refused = answers.find((answer) => answer.status === 429)!;
    expect(refused.json().error).toMatchObject({ code: "too_many_attempts", message: expect.stringMatching(/^Too many failed sign-ins\. Try again in \d+ s\.$/) });
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    // Even the right password waits at that address.
    expect((await attempt(stack.team.viewer.email, stack.team.viewer.password, "203.0.113.9")).status).toBe(429);
  });

  test("the real user at their own address is not locked out by those guesses", async () => {
    expect((await attempt(stack.team.viewer.email, stack.team.viewer.password, "198.51.100.7")).status).toBe(200);
  });

  test("one address spraying 200 different accounts is slowed after 20", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 200; i++) statuses.push((await attempt(`person${i}@own.example`, "Summer2026!", "203.0.113.50")).status);
    console.log(`[attack] spraying 200 accounts from one address: ${statuses.filter((s) => s === 401).length} checked, ${statuses.filter((s) => s === 429).length} refused`);
    expect(statuses.filter((status) => status === 401)).toHaveLength(20);
    expect(statuses.slice(20).every((status) => status === 429)).toBe(true);
  });

  test("many addresses guessing one account lock it for new browsers, not for the owner's own laptop", async () => {
    // The owner signs in once from their laptop: it gets the device cookie.
    const laptop = await attempt(stack.team.editor.email, stack.team.editor.password, "192.0.2.10");
    expect(laptop.status).toBe(200);
    const device = laptop.headers["set-cookie"]!.map((line) => line.split(";")[0]!).find((pair) => pair.startsWith("sounding_device="))!;
    for (let i = 0; i < 30; i++) expect((await attempt(stack.team.editor.email, `guess ${i}`, `198.18.0.${i + 1}`)).status).toBe(401);
    const stranger = await attempt(stack.team.editor.email, stack.team.editor.password, "198.18.1.1");
    expect(stranger.status).toBe(429);
    expect(stranger.json().error?.message).toMatch(/from elsewhere\. Sign in from a browser you have used before/);
    const owner = await attempt(stack.team.editor.email, stack.team.editor.password, "192.0.2.99", device);
    expect(owner.status).toBe(200);
  });

  test("behind the trusted proxy, https is believed: HSTS is sent and cookies are Secure", async () => {
    const answer = await fetch(`${stack.own.url}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: stack.own.url.replace("http:", "https:"), "x-forwarded-proto": "https", "x-forwarded-for": "192.0.2.77" },
      body: JSON.stringify({ email: stack.team.admin.email, password: stack.team.admin.password }),
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    expect(answer.headers.getSetCookie().every((line) => /;\s*Secure/i.test(line))).toBe(true);
    expect(cookiesOf(answer)).toContain("sounding_session=");
  });

  test("a share's password: 20 parallel guesses from one address check five, then lock that address out of that share only", async () => {
    const headers = { ...jsonHeaders(stack.own.url, stack.team.admin.cookie) };
    const create = async (clientName: string) => {
      const report = await fetch(`${stack.own.url}/api/reports`, {
        method: "POST",
        headers,
        body: JSON.stringify({ name: `Guarded ${clientName}`, query: { version: 1, site: "CDBUGS", entity: "pageview", event: null, metrics: ["visits"], range: { preset: "last_7_days" }, grouping: "none", by: [], filters: [], sort: null, limit: null, compare: "none", chart: "auto" } }),
      });
      expect(report.status).toBe(201);
      const settings = { clientName, window: { presets: [], defaultPreset: null, floor: null, ceiling: null }, lockedFilters: [], lockedLabel: "", milestones: { mode: "none" }, branding: { accent: null, intro: "", madeWith: true }, embedOrigins: [], refreshMinutes: 15 };
      const share = await fetch(`${stack.own.url}/api/shares`, { method: "POST", headers, body: JSON.stringify({ target: { kind: "report", id: (await report.json()).id }, settings, password: "the right password" }) });
      expect(share.status).toBe(201);
      return (await share.json()).slug as string;
    };
    const [slug, other] = [await create("Guarded"), await create("Neighbour")];
    const unlock = (target: string, password: string, address: string) =>
      raw(stack.own.url, {
        method: "POST",
        path: `/share/${target}/unlock`,
        headers: { "content-type": "application/x-www-form-urlencoded", origin: "null", "sec-fetch-site": "same-origin", "x-forwarded-for": `6.6.6.6, ${address}` },
        body: `password=${encodeURIComponent(password)}`,
      });
    const guesses = await Promise.all(Array.from({ length: 20 }, (_, i) => unlock(slug, `guess number ${i}`, "203.0.113.77")));
    expect(guesses.every((answer) => answer.status === 303)).toBe(true);
    const wrong = guesses.filter((answer) => answer.headers.location?.endsWith("unlock=wrong")).length;
    console.log(`[attack] 20 parallel share-password guesses: ${wrong} checked, ${20 - wrong} refused before checking`);
    expect(wrong).toBe(5);
    // Locked out: even the right password sets no cookie, and the page says so.
    const right = await unlock(slug, "the right password", "203.0.113.77");
    expect(right.headers["set-cookie"]).toBeUndefined();
    const page = await raw(stack.own.url, { method: "GET", path: `/share/${slug}`, headers: { "x-forwarded-for": "6.6.6.6, 203.0.113.77" } });
    expect(page.text).toMatch(/Too many wrong passwords from your address\. Try again in 1[45] minutes\./);
    // Another share, and another address, are not locked.
    expect((await unlock(other, "the right password", "203.0.113.77")).headers["set-cookie"]?.[0]).toMatch(/^sounding_share=/);
    expect((await unlock(slug, "the right password", "198.51.100.8")).headers["set-cookie"]?.[0]).toMatch(/^sounding_share=/);
    // The agency sees the failed unlocks.
    const list = await (await fetch(`${stack.own.url}/api/shares`, { headers })).json();
    expect(list.shares.find((share: { slug: string }) => share.slug === slug).unlockFailures30d).toBe(5);
  });
});
