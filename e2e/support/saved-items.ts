/**
 * Saved reports and dashboards made through Sounding's own API, for journeys that need some to exist
 * before they start (the journey under test still goes through the pages). Each name carries a suffix
 * unique to the run, so journeys sharing one server never find each other's items.
 */
import { expect, type APIRequestContext, type Browser, type BrowserContext } from "@playwright/test";
import { APP_URL } from "./env";

export const runSuffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Writes need our own Origin (the CSRF rule); Playwright's request context sends none by itself. */
const writeHeaders = { Origin: APP_URL, "Content-Type": "application/json" };

/** A canonical stored query (lib/query/stored-query.ts) with the given changes. */
export function storedQuery(changes: Record<string, unknown> = {}) {
  return {
    version: 1,
    site: "CDBUGS",
    entity: "pageview",
    event: null,
    metrics: ["visits", "pageviews"],
    range: { preset: "last_30_days" },
    grouping: "auto",
    by: [],
    filters: [],
    sort: null,
    limit: null,
    compare: "none",
    chart: "auto",
    ...changes,
  };
}

export async function createReport(request: APIRequestContext, name: string, query: Record<string, unknown>, description = "") {
  const answer = await request.post("/api/reports", { headers: writeHeaders, data: { name, description, query } });
  expect(answer.status(), await answer.text()).toBe(201);
  return (await answer.json()) as { id: number; name: string; version: number };
}

export async function postJson(request: APIRequestContext, path: string, data: unknown) {
  return request.post(path, { headers: writeHeaders, data });
}

/**
 * A new team member in a browser of their own: the admin (whose cookies `admin` carries) invites them,
 * they join through the invite, and the returned context is signed in as them.
 */
export async function memberContext(browser: Browser, admin: APIRequestContext, role: "viewer" | "editor", who: { name: string; email: string }): Promise<BrowserContext> {
  const invite = await admin.post("/api/invites", { headers: writeHeaders, data: { role } });
  expect(invite.status(), await invite.text()).toBeLessThan(300);
  const token = new URL((await invite.json()).url).pathname.split("/").pop()!;
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const joined = await context.request.post(`/api/invites/${token}`, {
    headers: writeHeaders,
    data: { ...who, password: `${role} password for ${who.name}` },
  });
  expect(joined.status(), await joined.text()).toBeLessThan(300);
  return context;
}
