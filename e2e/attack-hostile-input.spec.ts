import { expect, test } from "@playwright/test";
import { apiRoutes, fill, pageTemplates } from "./support/route-inventory";
import { changesNothing, useAttackStack } from "./support/attack-stack";
import { raw } from "./support/raw-http";

// Journey: an admin's stolen session (the strongest role) is used to send hostile input to every route: dot
// segments and odd encodings in every id, methods nobody serves, oversized and endless chunked bodies, bodies
// that are not JSON or not UTF-8. Each answer is a clear 4xx, Fathom receives nothing, nothing is written, and
// the server's memory stays bounded.

/** What was tried on Sounding's ids, and more: dot segments in disguise, separators, bad escapes, overlong UTF-8. */
const HOSTILE_IDS = [
  "%20..",
  "%09..",
  "%20.",
  "..",
  ".",
  "%2e%2e",
  "%2E%2E%2F",
  "..%2F..%2F",
  "%252e%252e",
  "%2F",
  "%5C..",
  "%00",
  "a%00b",
  "%ff",
  "%C0%AE%C0%AE",
  "%E2%80%A5",
  "%EF%BC%8E%EF%BC%8E",
  "CDBUGS%20",
  "%0d%0aSet-Cookie:%20x=1",
  "x".repeat(300),
  "%3Cscript%3E",
  "1e3",
  "-1",
];

const WRONG_TYPES = Object.fromEntries(
  ["name", "email", "password", "role", "token", "milestone_date", "currency", "currentPassword", "newPassword", "intervalSeconds"].map((field) => [field, { $gt: "" }]),
);

test.describe.serial("hostile input on every route", () => {
  const stack = useAttackStack();
  let rssAtStart = 0;
  test.beforeAll(() => {
    rssAtStart = stack.own.rssMiB();
  });

  const withParams = apiRoutes().filter((route) => route.params.length > 0);

  test("every id of every route, replaced by a hostile one, is refused with a 4xx and reaches nothing", async () => {
    test.setTimeout(120_000);
    const answers = new Map<number, number>();
    await changesNothing(stack, async () => {
      for (const route of withParams) {
        for (const param of route.params) {
          for (const hostile of HOSTILE_IDS) {
            const path = fill(route.template, { ...stack.valid, [param]: hostile });
            const answer = await raw(stack.own.url, {
              method: route.method,
              path,
              headers: { origin: stack.own.url, "content-type": "application/json", cookie: stack.team.admin.cookie },
              body: route.hasBody ? JSON.stringify({ name: "renamed", milestone_date: "2024-01-01", role: "viewer" }) : undefined,
            });
            const label = `${route.method} ${path}`;
            expect(answer.status, label).toBeGreaterThanOrEqual(400);
            expect(answer.status, label).toBeLessThan(500);
            expect(answer.text, label).not.toMatch(/at .*\.js:\d+|node_modules|\.next\//);
            answers.set(answer.status, (answers.get(answer.status) ?? 0) + 1);
          }
        }
      }
    });
    // Mostly refused by the ids' exact shape (400); dot segments that re-route resolve to no route (404/405).
    expect(answers.get(400) ?? 0).toBeGreaterThan(100);
  });

  test("every page with an id, given a hostile one, answers without a 500 or a stack trace", async () => {
    for (const template of pageTemplates().filter((page) => page.includes("["))) {
      for (const hostile of HOSTILE_IDS) {
        const path = fill(template, { ...stack.valid, siteId: hostile, token: hostile, slug: hostile });
        const answer = await raw(stack.own.url, { method: "GET", path, headers: { cookie: stack.team.admin.cookie } });
        expect(answer.status, path).toBeLessThan(500);
        expect(answer.text, path).not.toMatch(/at .*\.js:\d+|node_modules/);
      }
    }
  });

  test("the client share routes, given a hostile slug, refuse it with a 4xx and reach nothing", async () => {
    await changesNothing(stack, async () => {
      for (const hostile of [...HOSTILE_IDS, "A".repeat(31), "A".repeat(33), `${"A".repeat(31)}=`]) {
        for (const [method, path, body] of [
          ["GET", `/share/${hostile}/data`, undefined],
          ["GET", `/share/${hostile}/data?range=last_7_days`, undefined],
          ["GET", `/share/${hostile}/logo`, undefined],
          ["POST", `/share/${hostile}/unlock`, "password=guess"],
        ] as const) {
          const answer = await raw(stack.own.url, {
            method,
            path,
            headers: { origin: stack.own.url, "content-type": "application/x-www-form-urlencoded" },
            body,
          });
          expect(answer.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
          expect(answer.status, `${method} ${path}`).toBeLessThan(500);
          expect(answer.text, path).not.toMatch(/at .*\.js:\d+|node_modules/);
        }
      }
    });
  });

  test("methods no route serves are 405, whatever the path", async () => {
    for (const method of ["TRACE", "TRACK", "PROPFIND", "CONNECT"]) {
      for (const path of ["/", "/login", "/api/session", "/api/sites/CDBUGS/milestones"]) {
        const answer = await raw(stack.own.url, { method, path: method === "CONNECT" ? "127.0.0.1:443" : path });
        expect([400, 405], `${method} ${path}`).toContain(answer.status);
      }
    }
    const trace = await raw(stack.own.url, { method: "TRACE", path: "/api/session", headers: { cookie: stack.team.admin.cookie } });
    expect(trace.status).toBe(405);
    expect(trace.text).not.toContain(stack.team.admin.cookie.slice(0, 30));
  });

  const bodyRoutes = apiRoutes().filter((route) => route.hasBody);

  test("bodies declared larger than any route takes are refused before they are read", async () => {
    await changesNothing(stack, async () => {
      for (const route of bodyRoutes) {
        const answer = await raw(stack.own.url, {
          method: route.method,
          path: fill(route.template, stack.valid),
          headers: { origin: stack.own.url, "content-type": "application/json", cookie: stack.team.admin.cookie, "content-length": String(600 * 1024 * 1024) },
        });
        expect(answer.status, `${route.method} ${route.template}`).toBe(413);
      }
    });
  });

  test("an endless chunked body stops at the route's limit: 413, and memory stays bounded", async () => {
    test.setTimeout(120_000);
    await changesNothing(stack, async () => {
      // 600 MB to the public sign-in route, as the attacker did; then 50 MB to every other route with a body.
      const signIn = await raw(stack.own.url, {
        method: "POST",
        path: "/api/session",
        headers: { origin: stack.own.url, "content-type": "application/json", "transfer-encoding": "chunked" },
        chunks: { count: 600, size: 1024 * 1024 },
        timeoutMs: 60_000,
      });
      expect([0, 413]).toContain(signIn.status);
      for (const route of bodyRoutes) {
        const answer = await raw(stack.own.url, {
          method: route.method,
          path: fill(route.template, stack.valid),
          headers: { origin: stack.own.url, "content-type": "application/json", cookie: stack.team.admin.cookie, "transfer-encoding": "chunked" },
          chunks: { count: 50, size: 1024 * 1024 },
          timeoutMs: 60_000,
        });
        expect([0, 413], `${route.method} ${route.template}`).toContain(answer.status);
      }
    });
    const grew = stack.own.rssMiB() - rssAtStart;
    console.log(`[attack] 600 MB + ${bodyRoutes.length} × 50 MB chunked bodies: server memory grew ${grew.toFixed(1)} MiB`);
    expect(grew, "memory the bodies cost the server (MiB)").toBeLessThan(150);
    expect((await fetch(`${stack.own.url}/api/health`)).status).toBe(200);
  });

  test("bodies that are not JSON, not declared as JSON, or not UTF-8 are a 4xx", async () => {
    await changesNothing(stack, async () => {
      for (const route of bodyRoutes) {
        const path = fill(route.template, stack.valid);
        const base = { origin: stack.own.url, cookie: stack.team.admin.cookie };
        const cases = [
          { headers: { ...base, "content-type": "application/json" }, body: "{not json", status: 400 },
          { headers: { ...base, "content-type": "text/plain" }, body: JSON.stringify({ role: "admin" }), status: 415 },
          { headers: { ...base, "content-type": "application/x-www-form-urlencoded" }, body: "role=admin", status: 415 },
          { headers: { ...base, "content-type": "application/json" }, body: Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]), status: 400 },
          { headers: { ...base, "content-type": "application/json" }, body: "[1,2,3]", status: 400 },
          { headers: { ...base, "content-type": "application/json" }, body: '"just a string"', status: 400 },
          // Every field any route reads, of the wrong type.
          { headers: { ...base, "content-type": "application/json" }, body: JSON.stringify(WRONG_TYPES), status: 400 },
        ];
        for (const { headers, body, status } of cases) {
          const answer = await raw(stack.own.url, { method: route.method, path, headers, body });
          const label = `${route.method} ${route.template} with ${headers["content-type"]} ${String(body).slice(0, 20)}`;
          expect(answer.status, label).toBe(status);
          expect(answer.json().error?.code, label).toBeTruthy();
        }
      }
    });
  });
});
