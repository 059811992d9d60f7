import { expect, test } from "@playwright/test";
import { allowed, apiRoutes, fill, pageTemplates } from "./support/route-inventory";
import { changesNothing, useAttackStack } from "./support/attack-stack";
import { raw } from "./support/raw-http";

// Journey: an attacker without an account, then a viewer and an editor reaching above their role, try every
// API route and page of the app (read from the source tree, so a new route is attacked the day it is added).
// Every refusal is a clear 401 or 403 in the one JSON error shape, sends nothing to Fathom and writes nothing.
test.describe.serial("roles hold on every route and page", () => {
  const stack = useAttackStack();

  const protectedRoutes = apiRoutes().filter((route) => route.access !== null && route.access !== "public");

  test("the inventory found the app's routes and pages, and the role every route asks for", () => {
    // A route whose role the inventory cannot read would silently drop out of every check below.
    expect(apiRoutes().filter((route) => route.access === null && route.template !== "/api/health")).toEqual([]);
    expect(protectedRoutes.length).toBeGreaterThan(20);
    expect(protectedRoutes.some((route) => route.template === "/api/sites/[siteId]/milestones/[milestoneId]" && route.method === "DELETE")).toBe(true);
    expect(pageTemplates()).toContain("/settings/users");
  });

  for (const who of [null, "viewer", "editor"] as const) {
    test(`${who ?? "anonymous"}: every route above this role answers ${who ? 403 : 401} and changes nothing`, async () => {
      const cookie = who ? stack.team[who].cookie : undefined;
      const refused: string[] = [];
      await changesNothing(stack, async () => {
        for (const route of protectedRoutes) {
          if (allowed(who, route.access!)) continue;
          const answer = await raw(stack.own.url, {
            method: route.method,
            path: fill(route.template, stack.valid),
            headers: { origin: stack.own.url, "content-type": "application/json", ...(cookie ? { cookie } : {}) },
            body: route.hasBody ? JSON.stringify({ role: "admin", name: "pwned", milestone_date: "2024-01-01", token: "x".repeat(40) }) : undefined,
          });
          const label = `${route.method} ${route.template}`;
          expect(answer.status, label).toBe(who ? 403 : 401);
          expect(answer.headers["content-type"], label).toContain("application/json");
          expect(answer.json().error?.code, label).toBe(who ? "forbidden" : "unauthorized");
          refused.push(label);
        }
      });
      expect(refused.length).toBeGreaterThan(who === "editor" ? 8 : 12);
    });
  }

  test("anonymous: every page sends to sign-in (or is public), none answers 500", async () => {
    for (const template of pageTemplates()) {
      const path = fill(template, stack.valid);
      const answer = await raw(stack.own.url, { method: "GET", path });
      expect(answer.status, path).toBeLessThan(500);
      if (["/login", "/setup"].includes(template) || template.startsWith("/invite/") || template.startsWith("/share/")) continue;
      expect(answer.status, path).toBe(307);
      expect(new URL(answer.headers.location!, stack.own.url).pathname, path).toBe("/login");
    }
  });

  test("a viewer opening admin pages is told why, never shown them", async () => {
    for (const template of ["/settings/users", "/settings/connection", "/settings/audit", "/settings/live"]) {
      const answer = await raw(stack.own.url, { method: "GET", path: template, headers: { cookie: stack.team.viewer.cookie } });
      expect(answer.status, template).toBe(200);
      expect(answer.text, template).not.toContain(stack.team.admin.email);
      expect(answer.text, template).toMatch(/admin/i);
    }
  });
});
