import { expect, test } from "@playwright/test";
import { apiRoutes, fill } from "./support/route-inventory";
import { changesNothing, useAttackStack } from "./support/attack-stack";
import { raw } from "./support/raw-http";

// Journey: a signed-in admin visits a hostile page that fires cross-site writes at Sounding with every trick
// (foreign, null, look-alike and wrong-scheme origins; no Origin but a foreign Referer; a spoofed forwarded
// host; a form's text/plain body). Every write route refuses every one, and nothing changes.
test.describe.serial("cross-site writes are refused on every route", () => {
  const stack = useAttackStack();

  const writes = apiRoutes().filter((route) => route.method !== "GET" && route.access !== null);

  function variants(url: string): Array<[string, Record<string, string>]> {
    const own = new URL(url);
    return [
      ["a foreign origin", { origin: "https://evil.example" }],
      ["Origin: null (sandboxed frame, file:)", { origin: "null" }],
      ["the same host on another port", { origin: `http://${own.hostname}:1` }],
      ["the same host over https", { origin: `https://${own.host}` }],
      ["a look-alike host", { origin: `http://${own.host}.evil.example` }],
      ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
      ["Sec-Fetch-Site: same-site (a sibling subdomain)", { "sec-fetch-site": "same-site" }],
      ["no Origin, a foreign Referer", { referer: "https://evil.example/page" }],
      ["a forwarded host and scheme made to match the attacker", { origin: "https://evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" }],
      ["a Forwarded header made to match the attacker", { origin: "https://evil.example", forwarded: "host=evil.example;proto=https" }],
    ];
  }

  test("every write route refuses every cross-site variant with 403, and nothing changes", async () => {
    test.setTimeout(120_000);
    let refused = 0;
    await changesNothing(stack, async () => {
      for (const route of writes) {
        for (const [trick, headers] of variants(stack.own.url)) {
          const answer = await raw(stack.own.url, {
            method: route.method,
            path: fill(route.template, stack.valid),
            headers: { "content-type": "application/json", cookie: stack.team.admin.cookie, ...headers },
            body: route.hasBody ? JSON.stringify({ role: "admin", name: "csrf", milestone_date: "2024-01-01", email: "x@evil.example", password: "p".repeat(20) }) : undefined,
          });
          const label = `${route.method} ${route.template} with ${trick}`;
          expect(answer.status, label).toBe(403);
          expect(answer.json().error?.message, label).toBe("Cross-site requests are not allowed.");
          refused++;
        }
      }
    });
    expect(refused).toBe(writes.length * variants(stack.own.url).length);
  });

  test("a form's text/plain body (what a cross-site <form> can send without Origin) is never parsed", async () => {
    await changesNothing(stack, async () => {
      for (const route of writes.filter((candidate) => candidate.hasBody)) {
        const answer = await raw(stack.own.url, {
          method: route.method,
          path: fill(route.template, stack.valid),
          headers: { "content-type": "text/plain", cookie: stack.team.admin.cookie },
          body: JSON.stringify({ role: "admin", name: "csrf", milestone_date: "2024-01-01" }),
        });
        expect(answer.status, `${route.method} ${route.template}`).toBe(415);
      }
    });
  });

  test("after all that, the admin is still signed in and the viewer is still a viewer", async () => {
    const me = await raw(stack.own.url, { method: "GET", path: "/api/session", headers: { cookie: stack.team.admin.cookie } });
    expect(me.status).toBe(200);
    const users = (await raw(stack.own.url, { method: "GET", path: "/api/users", headers: { cookie: stack.team.admin.cookie } })).json() as unknown as {
      users: Array<{ email: string; role: string }>;
    };
    expect(users.users.find((user) => user.email === stack.team.viewer.email)?.role).toBe("viewer");
    expect(users.users).toHaveLength(3);
  });

  test("the same writes from Sounding's own pages still work", async () => {
    const answer = await raw(stack.own.url, {
      method: "POST",
      path: "/api/invites",
      headers: { "content-type": "application/json", cookie: stack.team.admin.cookie, origin: stack.own.url, "sec-fetch-site": "same-origin" },
      body: JSON.stringify({ role: "viewer" }),
    });
    expect(answer.status).toBe(200);
    expect(String(answer.json().url)).toMatch(new RegExp(`^${stack.own.url}/invite/`));
  });
});
