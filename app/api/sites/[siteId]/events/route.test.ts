/**
 * The event routes over HTTP: they parse, refuse and authorise, then hand over to the event service
 * (lib/sites/event-writes.ts, tested there) and answer with what it returns.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { callRoute, testUser } from "@/lib/api/route-test-kit";
import type { User } from "@/lib/auth/users";

const state = vi.hoisted(() => ({ user: null as unknown }));
const service = vi.hoisted(() => ({
  listEvents: vi.fn(),
  createEvent: vi.fn(),
  updateEvent: vi.fn(),
  deleteEvent: vi.fn(),
}));

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => state.user }));
vi.mock("@/lib/sites/site-lists", () => ({ listEvents: service.listEvents }));
vi.mock("@/lib/sites/event-writes", () => ({ createEvent: service.createEvent, updateEvent: service.updateEvent, deleteEvent: service.deleteEvent }));

const list = await import("./route");
const item = await import("./[eventId]/route");

const admin: User = testUser("admin");
const site = { siteId: "CDBUGS" };
const signup = { siteId: "CDBUGS", eventId: "SIGNUP" };
const view = { id: "NEW1", name: "Purchased", currency: "dollar", createdAt: "2024-05-01 10:00:00" };

beforeEach(() => {
  vi.clearAllMocks();
  state.user = admin;
  service.listEvents.mockResolvedValue({ events: [view], meta: {} });
  service.createEvent.mockResolvedValue({ event: view });
  service.updateEvent.mockResolvedValue({ event: view });
  service.deleteEvent.mockResolvedValue({ deleted: true, id: "SIGNUP" });
});

const untouched = () => [service.createEvent, service.updateEvent, service.deleteEvent].forEach((write) => expect(write).not.toHaveBeenCalled());

describe("event routes", () => {
  it("create with dollar by default and answer 201 with the service's event, not to be cached", async () => {
    const created = await callRoute(list.POST, "POST", { params: site, body: { name: "Purchased" } });
    expect(created.status).toBe(201);
    expect(created.headers.get("cache-control")).toBe("no-store");
    expect(created.json).toEqual({ event: view });
    expect(service.createEvent).toHaveBeenCalledWith(admin, "CDBUGS", { name: "Purchased", currency: "dollar" });
  });

  it("list through the service, and pass on only the fields a change gives", async () => {
    expect((await callRoute(list.GET, "GET", { params: site })).json).toEqual({ events: [view], meta: {} });
    expect(service.listEvents).toHaveBeenCalledWith("CDBUGS");
    expect((await callRoute(item.PATCH, "PATCH", { params: signup, body: { name: " Newsletter signup " } })).status).toBe(200);
    expect(service.updateEvent).toHaveBeenLastCalledWith(admin, "CDBUGS", "SIGNUP", { name: "Newsletter signup" });
    const deleted = await callRoute(item.DELETE, "DELETE", { params: signup });
    expect(deleted).toMatchObject({ status: 200, json: { deleted: true, id: "SIGNUP" } });
    expect(service.deleteEvent).toHaveBeenCalledWith(admin, "CDBUGS", "SIGNUP");
  });

  it("refuse bad input before the service: a 256-character name, an unknown currency, an empty change, a bad id", async () => {
    const long = await callRoute(list.POST, "POST", { params: site, body: { name: "e".repeat(256) } });
    expect(long.status).toBe(400);
    expect(long.json.error?.fields).toEqual({ name: ["Fathom allows at most 255 characters in an event name; this one has 256"] });
    expect((await callRoute(list.POST, "POST", { params: site, body: { name: "x", currency: "bitcoin" } })).status).toBe(400);
    expect((await callRoute(item.PATCH, "PATCH", { params: signup, body: {} })).status).toBe(400);
    expect((await callRoute(item.DELETE, "DELETE", { params: { siteId: "CDBUGS", eventId: "a/b" } })).status).toBe(400);
    untouched();
  });

  it("let a viewer list but not write", async () => {
    state.user = testUser("viewer");
    expect((await callRoute(list.GET, "GET", { params: site })).status).toBe(200);
    expect((await callRoute(list.POST, "POST", { params: site, body: { name: "x" } })).status).toBe(403);
    expect((await callRoute(item.PATCH, "PATCH", { params: signup, body: { name: "y" } })).status).toBe(403);
    expect((await callRoute(item.DELETE, "DELETE", { params: signup })).status).toBe(403);
    untouched();
  });
});
