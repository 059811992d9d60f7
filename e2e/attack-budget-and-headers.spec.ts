import { expect, test } from "@playwright/test";
import { changesNothing, useAttackStack } from "./support/attack-stack";
import { raw } from "./support/raw-http";
import { jsonHeaders } from "./support/team";

// Journey: a viewer tries to drain the team's Fathom budget (regex bombs, made-up sites, events and
// milestones) and to find weak headers. Sounding answers from its cached lists and its own checks, sends
// nothing to Fathom, and every answer carries a strict policy; the team's budget is whole afterwards.
test.describe.serial("the budget cannot be drained, and the headers hold", () => {
  const stack = useAttackStack();

  const get = (path: string, cookie = stack.team.viewer.cookie, headers: Record<string, string> = {}) =>
    raw(stack.own.url, { method: "GET", path, headers: { cookie, ...headers } });

  test("regex bombs are refused before a request is spent, with the reason on the filter", async () => {
    await changesNothing(stack, async () => {
      for (const bomb of ["(([a-z/-]|[a-z/-])+)+#$", "(a+)+$", "(a|aa)+$", "(.*a){12}"]) {
        for (const operator of ["matching", "not_matching"]) {
          const answer = await get(`/api/reports/run?site=CDBUGS&range=last_7_days&filter=${encodeURIComponent(`pathname~${operator}~${bomb}`)}`);
          expect(answer.status, bomb).toBe(400);
          expect(answer.json().error).toMatchObject({ code: "unsafe_pattern", fields: { "filters.0.value": [expect.stringMatching(/.+/)] } });
        }
      }
    });
  });

  test("made-up sites, events and milestones are answered from the cached lists, spending nothing", async () => {
    await changesNothing(stack, async () => {
      for (let i = 0; i < 20; i++) {
        const live = await get(`/api/sites/MADEUP${i}/current-visitors`);
        expect(live.status).toBe(404);
        expect(live.json().error?.code).toBe("site_not_found");
        expect((await get(`/api/reports/run?site=NOSITE${i}&range=last_7_days`)).status).toBe(404);
        expect((await get(`/api/sites/NOSITE${i}/milestones`)).status).toBe(404);
      }
      const unknownEvent = await get(`/api/reports/run?site=CDBUGS&entity=event&event=${encodeURIComponent("No such event")}&metrics=conversions&range=last_7_days`);
      expect(unknownEvent.status).toBe(404);
      expect(unknownEvent.json().error?.code).toBe("event_not_found");
      for (const [method, path] of [
        ["DELETE", "/api/sites/CDBUGS/milestones/00000000-0000-4000-8000-000000000000"],
        ["PATCH", "/api/sites/CDBUGS/milestones/made-up"],
        ["DELETE", "/api/sites/CDBUGS/events/NOEVENTX"],
        ["PATCH", "/api/sites/CDBUGS/events/NOEVENTX"],
      ] as const) {
        const answer = await raw(stack.own.url, {
          method,
          path,
          headers: jsonHeaders(stack.own.url, stack.team.editor.cookie),
          body: method === "PATCH" ? JSON.stringify({ name: "renamed", milestone_date: "2024-01-01" }) : undefined,
        });
        expect(answer.status, `${method} ${path}`).toBe(404);
      }
    });
    const budget = (await get("/api/admin/budget", stack.team.admin.cookie)).json() as unknown as { classes: { reports: { available: number; capacity: number } } };
    expect(budget.classes.reports.available).toBe(budget.classes.reports.capacity);
  });

  test("a page carries a nonce-based policy without unsafe-eval, and is framed by nobody", async () => {
    const page = await get("/explore", stack.team.admin.cookie);
    expect(page.status).toBe(200);
    const csp = String(page.headers["content-security-policy"]);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    const scripts = [...page.text.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonce}"`);
    const again = await get("/explore", stack.team.admin.cookie);
    expect(/'nonce-([^']+)'/.exec(String(again.headers["content-security-policy"]))?.[1]).not.toBe(nonce);
    expect(page.headers["x-frame-options"]).toBe("DENY");
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    expect(page.headers["permissions-policy"]).toContain("camera=()");
    expect(page.headers["strict-transport-security"]).toBeUndefined(); // plain http
    expect(page.headers["x-robots-tag"]).toBe("noindex, nofollow");
  });

  test("the icons, manifest and robots.txt answer without a session, and robots.txt keeps crawlers out", async () => {
    for (const asset of ["/favicon.ico", "/icon.svg", "/icon-192.png", "/manifest.webmanifest", "/robots.txt"]) {
      const answer = await raw(stack.own.url, { method: "GET", path: asset, headers: {} });
      expect(answer.status, asset).toBe(200);
    }
    const manifest = JSON.parse((await get("/manifest.webmanifest")).text) as { name: string; icons: Array<{ src: string }> };
    expect(manifest.name).toBe("Sounding");
    for (const icon of manifest.icons) expect((await get(icon.src)).status, icon.src).toBe(200);
    const robots = (await get("/robots.txt")).text;
    expect(robots).toMatch(/Disallow: \/share\//);
    expect(robots).toMatch(/Disallow: \/$/m);
  });

  test("JSON answers load nothing and frame nothing", async () => {
    const answer = await get("/api/sites");
    expect(answer.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(answer.headers["cache-control"]).toBe("no-store");
  });

  test("without TRUST_PROXY, forwarded headers are not believed: no HSTS, no Secure cookie, invite links from the own origin", async () => {
    const signIn = await fetch(`${stack.own.url}/api/session`, {
      method: "POST",
      headers: { ...jsonHeaders(stack.own.url), "x-forwarded-proto": "https", "x-forwarded-host": "evil.example" },
      body: JSON.stringify({ email: stack.team.admin.email, password: stack.team.admin.password }),
    });
    expect(signIn.status).toBe(200);
    expect(signIn.headers.get("strict-transport-security")).toBeNull();
    expect(signIn.headers.getSetCookie().some((line) => /;\s*Secure/i.test(line))).toBe(false);
    const invite = await fetch(`${stack.own.url}/api/invites`, {
      method: "POST",
      headers: { ...jsonHeaders(stack.own.url, stack.team.admin.cookie), "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
      body: JSON.stringify({ role: "viewer" }),
    });
    expect((await invite.json()).url).toMatch(new RegExp(`^${stack.own.url}/invite/[A-Za-z0-9_-]+$`));
  });

  test("in a browser, the pages run under the policy: no violations", async ({ browser }) => {
    const context = await browser.newContext();
    await context.addCookies(
      stack.team.admin.cookie.split("; ").map((pair) => {
        const [name, value] = pair.split("=") as [string, string];
        return { name, value, url: stack.own.url };
      }),
    );
    const page = await context.newPage();
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${stack.own.url}/explore?site=CDBUGS&range=last_7_days`);
    await expect(page.locator("[data-report-state='ready']").first()).toBeVisible({ timeout: 30_000 });
    await page.goto(`${stack.own.url}/settings/account`);
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
    expect(violations).toEqual([]);
    await context.close();
  });
});
