/**
 * The event service: each write goes to Fathom with its audit entry, and the currency Fathom never lists
 * is kept in the event currency table: set when Fathom accepted a create or a currency change, dropped
 * with the event.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { testUser } from "@/lib/api/route-test-kit";
import { openTestDatabase } from "@/lib/store/db";

const state = vi.hoisted(() => ({ db: null as unknown, fathom: null as unknown, currenciesBroken: false }));

vi.mock("@/lib/store/db", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/store/db")>()),
  database: async () => state.db,
}));
vi.mock("@/lib/governor/governed-fathom", () => ({ governedFathom: async () => state.fathom }));
vi.mock("@/lib/store/event-currencies", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/store/event-currencies")>();
  const broken = async () => {
    throw new Error("database is locked");
  };
  return {
    eventCurrencies: (db: Parameters<typeof original.eventCurrencies>[0]) => {
      const repository = original.eventCurrencies(db);
      return state.currenciesBroken ? { ...repository, set: broken, remove: broken } : repository;
    },
  };
});

const { createEvent, deleteEvent, updateEvent } = await import("./event-writes");
const { listEvents } = await import("./site-lists");
const { eventCurrencies } = await import("@/lib/store/event-currencies");
const { FathomError } = await import("@/lib/fathom/errors");
const { auditLog } = await import("@/lib/audit/audit-log");
type Db = Awaited<ReturnType<typeof openTestDatabase>>;

const admin = testUser("admin");
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

let fathom: ReturnType<typeof fakeFathom>;
beforeEach(async () => {
  state.db = await openTestDatabase();
  state.currenciesBroken = false;
  fathom = fakeFathom();
  state.fathom = fathom;
});

const entries = async () => (await auditLog()).list({ limit: 10 }).then((page) => page.entries);
const knownCurrency = (eventId: string) => eventCurrencies(state.db as Db).of(eventId);

describe("event service", () => {
  it("creates an event, remembers its currency and lists it with it though Fathom's list says null", async () => {
    const answer = await createEvent(admin, "CDBUGS", { name: "Purchased", currency: "dollar" });
    expect(fathom.createEvent).toHaveBeenCalledWith("CDBUGS", { name: "Purchased", currency: "dollar" });
    expect(answer).toEqual({ event: { id: "NEW1", name: "Purchased", currency: "dollar", createdAt: "2024-05-01 10:00:00" } });
    expect(await knownCurrency("NEW1")).toBe("dollar");
    expect((await listEvents("CDBUGS")).events).toEqual([
      { id: "SIGNUP", name: "Signed up", currency: null, createdAt: "2020-08-21 15:24:00" },
      { id: "NEW1", name: "Purchased", currency: "dollar", createdAt: "2024-05-01 10:00:00" },
    ]);
    expect(await entries()).toEqual([
      expect.objectContaining({ action: "event.create", targetId: "NEW1", summary: "Created event “Purchased” with currency dollar", outcome: "ok" }),
    ]);
  });

  it("remembers a currency only when an update sent one, and audits both changes by name", async () => {
    await updateEvent(admin, "CDBUGS", "SIGNUP", { name: "Newsletter signup" });
    expect(fathom.updateEvent).toHaveBeenLastCalledWith("CDBUGS", "SIGNUP", { name: "Newsletter signup" });
    expect(await knownCurrency("SIGNUP")).toBeNull();
    const answer = await updateEvent(admin, "CDBUGS", "SIGNUP", { currency: "euro" });
    expect(fathom.updateEvent).toHaveBeenLastCalledWith("CDBUGS", "SIGNUP", { currency: "euro" });
    expect(answer.event).toMatchObject({ id: "SIGNUP", currency: "euro" });
    expect(await knownCurrency("SIGNUP")).toBe("euro");
    expect((await listEvents("CDBUGS")).events).toEqual([expect.objectContaining({ id: "SIGNUP", currency: "euro" })]);
    expect((await entries()).map((entry) => entry.summary)).toEqual([
      "Set the currency of event “Newsletter signup” to euro",
      "Renamed event “Signed up” to “Newsletter signup”",
    ]);
  });

  it("forgets the currency of a deleted event and says the event's data went with it", async () => {
    await updateEvent(admin, "CDBUGS", "SIGNUP", { currency: "yen" });
    expect(await deleteEvent(admin, "CDBUGS", "SIGNUP")).toEqual({ deleted: true, id: "SIGNUP" });
    expect(fathom.deleteEvent).toHaveBeenCalledWith("CDBUGS", "SIGNUP");
    expect(await knownCurrency("SIGNUP")).toBeNull();
    expect((await entries())[0]).toMatchObject({ action: "event.delete", summary: "Deleted event “Signed up” with all its conversion data" });
  });

  it("remembers nothing when Fathom refuses, and passes the refusal on", async () => {
    const refusal = new FathomError({ kind: "validation", status: 400, message: "The name has already been taken.", fields: { name: ["The name has already been taken."] } });
    fathom.createEvent.mockRejectedValueOnce(refusal);
    fathom.updateEvent.mockRejectedValueOnce(refusal);
    fathom.deleteEvent.mockRejectedValueOnce(refusal);
    await eventCurrencies(state.db as Db).set("CDBUGS", "SIGNUP", "pound");
    await expect(createEvent(admin, "CDBUGS", { name: "Signed up", currency: "euro" })).rejects.toBe(refusal);
    await expect(updateEvent(admin, "CDBUGS", "SIGNUP", { currency: "yen" })).rejects.toBe(refusal);
    await expect(deleteEvent(admin, "CDBUGS", "SIGNUP")).rejects.toBe(refusal);
    expect(Object.fromEntries(await eventCurrencies(state.db as Db).ofSite("CDBUGS"))).toEqual({ SIGNUP: "pound" });
    expect((await entries()).map((entry) => entry.outcome)).toEqual(["failed", "failed", "failed"]);
  });

  it("answers a write Fathom accepted even when its currency cannot be stored, and logs why", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    state.currenciesBroken = true;
    expect((await createEvent(admin, "CDBUGS", { name: "Purchased", currency: "euro" })).event).toMatchObject({ id: "NEW1", currency: "euro" });
    expect(await deleteEvent(admin, "CDBUGS", "NEW1")).toEqual({ deleted: true, id: "NEW1" });
    expect(log.mock.calls.map(([line]) => String(line))).toEqual([
      expect.stringContaining("record a new event's currency"),
      expect.stringContaining("forget a deleted event's currency"),
    ]);
    expect((await entries()).map((entry) => entry.outcome)).toEqual(["ok", "ok"]);
  });
});
