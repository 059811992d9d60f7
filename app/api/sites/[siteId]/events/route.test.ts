/**
 * The event routes below HTTP: Fathom's limits checked first, only editors and admins write, every write
 * audited, and the currency Fathom never lists read back from what was last set through Sounding.
 */
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { User } from "@/lib/auth/users";
import { openTestDatabase } from "@/lib/store/db";

const state = vi.hoisted(() => ({ user: null as unknown, db: null as unknown, fathom: null as unknown }));

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => state.user }));
vi.mock("@/lib/store/db", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/store/db")>()),
  database: async () => state.db,
}));
vi.mock("@/lib/governor/governed-fathom", () => ({ governedFathom: async () => state.fathom }));

const list = await import("./route");
const item = await import("./[eventId]/route");
const { auditLog } = await import("@/lib/audit/audit-log");

const admin: User = { id: 1, email: "ada@example.com", name: "Ada", role: "admin", createdAt: "2024-01-01T00:00:00Z" };
const viewer: User = { id: 3, email: "vera@example.com", name: "Vera", role: "viewer", createdAt: "2024-01-01T00:00:00Z" };
const meta = { fetchedAt: "2024-05-01T00:00:00.000Z", freshUntil: "2024-05-01T00:05:00.000Z", cached: false, stale: false, shared: false };

type Event = { id: string; object: "event"; name: string; currency: string | null; created_at: string };

/** Fathom as the reference describes it: currency filled in on write answers, null on lists. */
function fakeFathom() {
  const events: Event[] = [{ id: "SIGNUP", object: "event", name: "Signed up", currency: null, created_at: "2020-08-21 15:24:00" }];
  return {
    listAllEvents: vi.fn(async () => ({ data: events.map((event) => ({ ...event, currency: null })), meta })),
    createEvent: vi.fn(async (_site: string, body: { name: string; currency?: string }) => {
      const event: Event = { id: "NEW1", object: "event", name: body.name, currency: body.currency ?? "dollar", created_at: "2024-05-01 10:00:00" };
      events.push(event);
      return event;
    }),
    updateEvent: vi.fn(async (_site: string, id: string, body: { name?: string; currency?: string }) => {
      const event = events.find((e) => e.id === id)!;
      Object.assign(event, body);
      return { ...event, currency: body.currency ?? event.currency ?? "dollar" };
    }),
    deleteEvent: vi.fn(async (_site: string, id: string) => ({ id, object: "event", deleted: true })),
  };
}

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: Handler, method: string, params: Record<string, string>, body?: unknown) {
  const request = new NextRequest("http://sounding.test/api/sites/CDBUGS/events", {
    method,
    headers: { host: "sounding.test", origin: "http://sounding.test", "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  return { status: response.status, json: (await response.json()) as { event?: unknown; events?: unknown; error?: { code: string; fields?: unknown } } };
}

let fathom: ReturnType<typeof fakeFathom>;
beforeEach(async () => {
  state.db = await openTestDatabase();
  state.user = admin;
  fathom = fakeFathom();
  state.fathom = fathom;
});

const entries = async () => (await auditLog()).list({ limit: 10 }).then((page) => page.entries);

describe("event routes", () => {
  it("create with dollar by default, and list it with that currency though Fathom's list says null", async () => {
    const created = await call(list.POST, "POST", { siteId: "CDBUGS" }, { name: "Purchased" });
    expect(created.status).toBe(201);
    expect(fathom.createEvent).toHaveBeenCalledWith("CDBUGS", { name: "Purchased", currency: "dollar" });
    expect(created.json.event).toMatchObject({ id: "NEW1", name: "Purchased", currency: "dollar" });
    const listed = await call(list.GET, "GET", { siteId: "CDBUGS" });
    expect(listed.json.events).toEqual([
      { id: "SIGNUP", name: "Signed up", currency: null, createdAt: "2020-08-21 15:24:00" },
      { id: "NEW1", name: "Purchased", currency: "dollar", createdAt: "2024-05-01 10:00:00" },
    ]);
  });

  it("rename and change the currency, sending only what changed, and audit both by name", async () => {
    const renamed = await call(item.PATCH, "PATCH", { siteId: "CDBUGS", eventId: "SIGNUP" }, { name: "Newsletter signup" });
    expect(renamed.status).toBe(200);
    expect(fathom.updateEvent).toHaveBeenLastCalledWith("CDBUGS", "SIGNUP", { name: "Newsletter signup" });
    await call(item.PATCH, "PATCH", { siteId: "CDBUGS", eventId: "SIGNUP" }, { currency: "euro" });
    expect(fathom.updateEvent).toHaveBeenLastCalledWith("CDBUGS", "SIGNUP", { currency: "euro" });
    expect((await entries()).map((entry) => entry.summary)).toEqual([
      "Set the currency of event “Newsletter signup” to euro",
      "Renamed event “Signed up” to “Newsletter signup”",
    ]);
    const listed = await call(list.GET, "GET", { siteId: "CDBUGS" });
    expect(listed.json.events).toEqual([expect.objectContaining({ id: "SIGNUP", currency: "euro" })]);
  });

  it("refuse bad input before any request: a 256-character name, an unknown currency, an empty change", async () => {
    const long = await call(list.POST, "POST", { siteId: "CDBUGS" }, { name: "e".repeat(256) });
    expect(long.status).toBe(400);
    expect(long.json.error?.fields).toEqual({ name: ["Fathom allows at most 255 characters in an event name; this one has 256"] });
    expect((await call(list.POST, "POST", { siteId: "CDBUGS" }, { name: "x", currency: "bitcoin" })).status).toBe(400);
    expect((await call(item.PATCH, "PATCH", { siteId: "CDBUGS", eventId: "SIGNUP" }, {})).status).toBe(400);
    expect(fathom.createEvent).not.toHaveBeenCalled();
    expect(fathom.updateEvent).not.toHaveBeenCalled();
  });

  it("say in the log that a delete took the event's data with it", async () => {
    const deleted = await call(item.DELETE, "DELETE", { siteId: "CDBUGS", eventId: "SIGNUP" });
    expect(deleted.status).toBe(200);
    expect(fathom.deleteEvent).toHaveBeenCalledWith("CDBUGS", "SIGNUP");
    expect((await entries())[0]).toMatchObject({ action: "event.delete", summary: "Deleted event “Signed up” with all its conversion data" });
  });

  it("let a viewer list but not write", async () => {
    state.user = viewer;
    expect((await call(list.GET, "GET", { siteId: "CDBUGS" })).status).toBe(200);
    expect((await call(list.POST, "POST", { siteId: "CDBUGS" }, { name: "x" })).status).toBe(403);
    expect((await call(item.PATCH, "PATCH", { siteId: "CDBUGS", eventId: "SIGNUP" }, { name: "y" })).status).toBe(403);
    expect((await call(item.DELETE, "DELETE", { siteId: "CDBUGS", eventId: "SIGNUP" })).status).toBe(403);
    expect(fathom.createEvent).not.toHaveBeenCalled();
    expect(fathom.deleteEvent).not.toHaveBeenCalled();
  });
});
