/**
 * Audit entries left "pending" by a server that was killed mid-write are settled at the next start by
 * asking Fathom's lists (faked here): every branch of create, update and delete, for milestones and events,
 * and what happens when Fathom cannot be asked.
 */
import { describe, expect, it, vi } from "vitest";
import { eventCurrencies } from "@/lib/store/event-currencies";
import type { EventCurrency } from "@/lib/query/fathom-fields";
import { FathomError } from "@/lib/fathom/errors";
import { createAuditRepository } from "@/lib/store/audit-repository";
import { openTestDatabase } from "@/lib/store/db";
import type { AuditEntry } from "./audit-entry";
import { createAuditLog, type AuditStart } from "./audit-log";
import { reconcilePendingAudits, type FathomLists, type ListedEvent, type ListedMilestone } from "./reconcile";

const ada = { id: 1, name: "Ada Admin", email: "ada@example.com" };
const STOPPED = "Sounding stopped before Fathom answered";

const milestone = (id: string, name: string, day: string): ListedMilestone => ({ id, name, milestone_date: `${day} 00:00:00` });
const event = (id: string, name: string, currency: string | null = null) => ({ id, name, currency }) as ListedEvent;

/** Fathom's lists per site; a site missing from both answers 404 as Fathom does. */
function fakeFathom(sites: Record<string, { milestones?: ListedMilestone[]; events?: ListedEvent[] }>) {
  const gone = () => new FathomError({ kind: "not_found", status: 404, message: "Site not found" });
  const lists = {
    listAllMilestones: vi.fn(async (siteId: string) => {
      if (!sites[siteId]) throw gone();
      return sites[siteId].milestones ?? [];
    }),
    listAllEvents: vi.fn(async (siteId: string) => {
      if (!sites[siteId]) throw gone();
      return sites[siteId].events ?? [];
    }),
  } satisfies FathomLists;
  return lists;
}

async function setup() {
  const db = await openTestDatabase();
  let tick = Date.parse("2024-05-01T10:00:00Z");
  const log = createAuditLog(db, () => new Date((tick += 1000)));
  /** A write the server was killed in: its entry is written, Fathom's answer never comes. */
  const crashed = (entry: Omit<AuditStart, "actor" | "summary">) =>
    new Promise<void>((started) => {
      void log.audited({ actor: ada, summary: entry.action, ...entry }, () => {
        started();
        return new Promise<never>(() => {});
      });
    });
  /** A write that went through normally. */
  const done = (entry: Omit<AuditStart, "actor" | "summary">, targetId?: string) =>
    log.audited({ actor: ada, summary: entry.action, ...entry }, async () => null, () => (targetId ? { targetId } : {}));
  /** The next server process starts now. */
  const restart = () => new Date(tick + 500);
  const entries = async () => (await log.list({ limit: 50 })).entries.reverse();
  return { db, log, crashed, done, restart, entries };
}

const settled = (entry: AuditEntry | undefined) => entry && { outcome: entry.outcome, targetId: entry.targetId, after: entry.after, detail: entry.detail };

describe("reconciling a milestone create", () => {
  it("settles ok with the item's id when Fathom has a milestone with the intended name and date", async () => {
    const { db, crashed, restart, entries } = await setup();
    await crashed({ action: "milestone.create", siteId: "CDBUGS", intent: { name: "Launch", milestone_date: "2024-03-01" } });
    const fathom = fakeFathom({ CDBUGS: { milestones: [milestone("m-0", "Launch", "2024-02-01"), milestone("m-7", "Launch", "2024-03-01")] } });
    expect(await reconcilePendingAudits(createAuditRepository(db), fathom, restart())).toEqual({ ok: 1, failed: 0, unknown: 0 });
    expect(settled((await entries())[0])).toEqual({
      outcome: "ok",
      targetId: "m-7",
      after: { name: "Launch", milestone_date: "2024-03-01 00:00:00" },
      detail: `${STOPPED}; reconciled after the restart: Fathom has the milestone “Launch” on 2024-03-01, so the write happened.`,
    });
  });

  it("settles failed when Fathom has no such milestone", async () => {
    const { db, crashed, restart, entries } = await setup();
    await crashed({ action: "milestone.create", siteId: "CDBUGS", intent: { name: "Launch", milestone_date: "2024-03-01" } });
    await reconcilePendingAudits(createAuditRepository(db), fakeFathom({ CDBUGS: { milestones: [milestone("m-1", "Launch", "2024-03-02")] } }), restart());
    expect(settled((await entries())[0])).toEqual({
      outcome: "failed",
      targetId: null,
      after: null,
      detail: "Sounding stopped before Fathom answered; Fathom has no such item, so the write did not happen.",
    });
  });

  it("does not claim an item another entry accounts for: one created through Sounding before, or named by an older entry", async () => {
    const { db, crashed, done, restart, entries } = await setup();
    await done({ action: "milestone.create", siteId: "CDBUGS", intent: { name: "Launch", milestone_date: "2024-03-01" } }, "m-1");
    await done({ action: "milestone.delete", siteId: "CDBUGS", targetId: "m-2" });
    await crashed({ action: "milestone.create", siteId: "CDBUGS", intent: { name: "Launch", milestone_date: "2024-03-01" } });
    // m-1 was made by the first entry; m-2 existed before the crashed create (an older entry named it).
    const fathom = fakeFathom({ CDBUGS: { milestones: [milestone("m-1", "Launch", "2024-03-01"), milestone("m-2", "Launch", "2024-03-01")] } });
    await reconcilePendingAudits(createAuditRepository(db), fathom, restart());
    expect((await entries())[2]?.outcome).toBe("failed");
  });

  it("still claims an item that a later entry (written before the crash) went on to change", async () => {
    const { db, crashed, restart, entries } = await setup();
    await crashed({ action: "milestone.create", siteId: "CDBUGS", intent: { name: "Launch", milestone_date: "2024-03-01" } });
    await crashed({ action: "milestone.delete", siteId: "CDBUGS", targetId: "m-5" });
    await reconcilePendingAudits(createAuditRepository(db), fakeFathom({ CDBUGS: { milestones: [milestone("m-5", "Launch", "2024-03-01")] } }), restart());
    const [create, remove] = await entries();
    expect([create?.outcome, create?.targetId]).toEqual(["ok", "m-5"]);
    expect(remove?.outcome).toBe("failed");
  });
});

describe("reconciling an event create", () => {
  it("gives each of two identical crashed creates its own event, keeping the currency that was sent", async () => {
    const { db, crashed, restart, entries } = await setup();
    await crashed({ action: "event.create", siteId: "CDBUGS", intent: { name: "Signup", currency: "euro" } });
    await crashed({ action: "event.create", siteId: "CDBUGS", intent: { name: "Signup", currency: "euro" } });
    await crashed({ action: "event.create", siteId: "CDBUGS", intent: { name: "Signup", currency: "euro" } });
    const fathom = fakeFathom({ CDBUGS: { events: [event("E1", "Signup"), event("E2", "Signup"), event("E3", "Purchase")] } });
    const currencies = eventCurrencies(db);
    const keep = (siteId: string, eventId: string, currency: EventCurrency) => currencies.set(siteId, eventId, currency);
    expect(await reconcilePendingAudits(createAuditRepository(db), fathom, restart(), keep)).toEqual({ ok: 2, failed: 1, unknown: 0 });
    expect((await entries()).map((entry) => [entry.outcome, entry.targetId])).toEqual([
      ["ok", "E1"],
      ["ok", "E2"],
      ["failed", null],
    ]);
    // Reports read the currency from its own table: the events found done have it there, the failed one not.
    expect(Object.fromEntries(await currencies.ofSite("CDBUGS"))).toEqual({ E1: "euro", E2: "euro" });
    expect(fathom.listAllEvents).toHaveBeenCalledTimes(1);
  });
});

describe("reconciling an update", () => {
  it("settles a milestone ok when Fathom shows the fields sent, failed (naming the difference) when not", async () => {
    const { db, crashed, restart, entries } = await setup();
    await crashed({ action: "milestone.update", siteId: "CDBUGS", targetId: "m-1", intent: { name: "Relaunch", milestone_date: "2024-03-04" } });
    await crashed({ action: "milestone.update", siteId: "CDBUGS", targetId: "m-2", intent: { name: "Spring", milestone_date: "2024-04-01" } });
    const fathom = fakeFathom({ CDBUGS: { milestones: [milestone("m-1", "Relaunch", "2024-03-04"), milestone("m-2", "Winter", "2024-01-01")] } });
    await reconcilePendingAudits(createAuditRepository(db), fathom, restart());
    const [same, different] = await entries();
    expect(settled(same)).toEqual({
      outcome: "ok",
      targetId: "m-1",
      after: { name: "Relaunch", milestone_date: "2024-03-04 00:00:00" },
      detail: `${STOPPED}; reconciled after the restart: Fathom shows the milestone as “Relaunch” on 2024-03-04, as sent, so the change happened.`,
    });
    expect(settled(different)).toEqual({
      outcome: "failed",
      targetId: "m-2",
      after: null,
      detail: `${STOPPED}; Fathom shows the name “Winter” (not “Spring”) and the date 2024-01-01 (not 2024-04-01), so the change did not happen.`,
    });
  });

  it("settles an event rename by its name, and a currency change as unknown (Fathom does not list currencies)", async () => {
    const { db, crashed, restart, entries } = await setup();
    await crashed({ action: "event.update", siteId: "CDBUGS", targetId: "E1", intent: { name: "Newsletter signup" } });
    await crashed({ action: "event.update", siteId: "CDBUGS", targetId: "E2", intent: { name: "Checkout" } });
    await crashed({ action: "event.update", siteId: "CDBUGS", targetId: "E1", intent: { currency: "euro" } });
    await crashed({ action: "event.update", siteId: "CDBUGS", targetId: "E1", intent: { name: "Newsletter signup", currency: "yen" } });
    await crashed({ action: "event.update", siteId: "CDBUGS", targetId: "E3", intent: { currency: "pound" } });
    const fathom = fakeFathom({ CDBUGS: { events: [event("E1", "Newsletter signup"), event("E2", "Purchase"), event("E3", "Paid", "dollar")] } });
    await reconcilePendingAudits(createAuditRepository(db), fathom, restart());
    const [renamed, notRenamed, currencyOnly, both, listedCurrency] = await entries();
    expect(settled(renamed)).toMatchObject({ outcome: "ok", after: { name: "Newsletter signup", currency: null } });
    expect(settled(notRenamed)).toMatchObject({
      outcome: "failed",
      detail: `${STOPPED}; Fathom shows the name “Purchase” (not “Checkout”), so the change did not happen.`,
    });
    expect(settled(currencyOnly)).toMatchObject({
      outcome: "unknown",
      detail: `${STOPPED}, and Fathom does not list an event's currency, so whether it became euro cannot be checked; check the item in Fathom.`,
    });
    expect(both?.outcome).toBe("unknown");
    expect(both?.detail).toContain("shows the name “Newsletter signup” as sent but does not list an event's currency");
    // Should Fathom ever list a currency, it is compared like any other field.
    expect(settled(listedCurrency)).toMatchObject({ outcome: "failed", detail: expect.stringContaining("the currency dollar (not pound)") });
  });

  it("settles unknown when Fathom no longer lists the item", async () => {
    const { db, crashed, restart, entries } = await setup();
    await crashed({ action: "milestone.update", siteId: "CDBUGS", targetId: "m-9", intent: { name: "A", milestone_date: "2024-03-04" } });
    await crashed({ action: "event.update", siteId: "CDBUGS", targetId: "E9", intent: { name: "B" } });
    await reconcilePendingAudits(createAuditRepository(db), fakeFathom({ CDBUGS: {} }), restart());
    const [m, e] = await entries();
    expect(m?.outcome).toBe("unknown");
    expect(m?.detail).toBe(`${STOPPED}, and Fathom no longer lists this milestone, so whether the change happened cannot be told; check the item in Fathom.`);
    expect(e?.outcome).toBe("unknown");
  });
});

describe("reconciling a delete", () => {
  it("settles ok when the item is gone and failed when Fathom still has it", async () => {
    const { db, crashed, restart, entries } = await setup();
    await crashed({ action: "milestone.delete", siteId: "CDBUGS", targetId: "m-1" });
    await crashed({ action: "milestone.delete", siteId: "CDBUGS", targetId: "m-2" });
    await crashed({ action: "event.delete", siteId: "CDBUGS", targetId: "E1" });
    await crashed({ action: "event.delete", siteId: "CDBUGS", targetId: "E2" });
    const fathom = fakeFathom({ CDBUGS: { milestones: [milestone("m-2", "Kept", "2024-01-01")], events: [event("E2", "Kept")] } });
    expect(await reconcilePendingAudits(createAuditRepository(db), fathom, restart())).toEqual({ ok: 2, failed: 2, unknown: 0 });
    expect((await entries()).map((entry) => [entry.action, entry.outcome, entry.detail])).toEqual([
      ["milestone.delete", "ok", `${STOPPED}; reconciled after the restart: Fathom no longer has this milestone, so the delete happened.`],
      ["milestone.delete", "failed", `${STOPPED}; Fathom still has this milestone, so the delete did not happen.`],
      ["event.delete", "ok", `${STOPPED}; reconciled after the restart: Fathom no longer has this event, so the delete happened.`],
      ["event.delete", "failed", `${STOPPED}; Fathom still has this event, so the delete did not happen.`],
    ]);
  });
});

describe("when Fathom cannot tell", () => {
  it("settles unknown, saying what could not be checked: the site is gone, Fathom is unreachable, anything else", async () => {
    const { db, crashed, restart, entries } = await setup();
    await crashed({ action: "milestone.delete", siteId: "GONE", targetId: "m-1" });
    await crashed({ action: "event.create", siteId: "DOWN", intent: { name: "Signup", currency: "dollar" } });
    await crashed({ action: "milestone.create", siteId: "ODD", intent: { name: "A", milestone_date: "2024-03-01" } });
    const fathom = fakeFathom({});
    fathom.listAllEvents.mockRejectedValue(new FathomError({ kind: "network", status: 0, message: "fetch failed" }));
    fathom.listAllMilestones.mockImplementation(async (siteId: string) => {
      if (siteId === "GONE") throw new FathomError({ kind: "not_found", status: 404, message: "Not found" });
      throw new Error("socket hang up with Bearer secret-token-123");
    });
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await reconcilePendingAudits(createAuditRepository(db), fathom, restart())).toEqual({ ok: 0, failed: 0, unknown: 3 });
    const [gone, down, odd] = await entries();
    expect(gone?.detail).toBe(
      `${STOPPED}, and Fathom could not be asked whether the write happened (it no longer knows site GONE, or the token cannot see it); check the item in Fathom.`,
    );
    expect(down?.detail).toBe(
      `${STOPPED}, and Fathom could not be asked whether the write happened (Sounding could not reach Fathom; check the server's network and try again); check the item in Fathom.`,
    );
    expect(odd?.outcome).toBe("unknown");
    expect(odd?.detail).toContain("an unexpected error, see the server log");
    expect(odd?.detail).not.toContain("secret-token-123");
    expect(logged).toHaveBeenCalled();
  });

  it("settles unknown, without asking Fathom, an entry that does not record what it was sending (written before 004)", async () => {
    const { db, crashed, restart, entries } = await setup();
    await crashed({ action: "milestone.create", siteId: "CDBUGS" });
    await crashed({ action: "event.update", siteId: "CDBUGS", targetId: "E1" });
    const fathom = fakeFathom({ CDBUGS: {} });
    await reconcilePendingAudits(createAuditRepository(db), fathom, restart());
    const all = await entries();
    expect(all.map((entry) => entry.outcome)).toEqual(["unknown", "unknown"]);
    expect(all[0]?.detail).toContain("does not record what was being sent");
    expect(fathom.listAllMilestones).not.toHaveBeenCalled();
    expect(fathom.listAllEvents).not.toHaveBeenCalled();
  });
});

describe("what reconciliation leaves alone", () => {
  it("never leaves an entry from before the start pending, and touches neither settled entries nor this process's own", async () => {
    const { db, crashed, done, restart, entries } = await setup();
    await done({ action: "milestone.delete", siteId: "CDBUGS", targetId: "m-1" });
    await crashed({ action: "milestone.delete", siteId: "CDBUGS", targetId: "m-2" });
    const startedAt = restart();
    await crashed({ action: "milestone.delete", siteId: "CDBUGS", targetId: "m-3" });
    await reconcilePendingAudits(createAuditRepository(db), fakeFathom({ CDBUGS: {} }), startedAt);
    expect((await entries()).map((entry) => [entry.outcome, entry.detail === null])).toEqual([
      ["ok", true],
      ["ok", false],
      ["pending", true],
    ]);
    const stillPending = await db.selectFrom("audit_log").select("id").where("outcome", "=", "pending").where("created_at", "<", startedAt.toISOString()).execute();
    expect(stillPending).toEqual([]);
  });

  it("leaves saved-report and dashboard entries to their own transactions, without asking Fathom about them", async () => {
    const { db, crashed, restart, entries } = await setup();
    // Never pending in practice (written "ok" with the change); forced here to show reconciliation ignores them.
    await crashed({ action: "report.update", siteId: "CDBUGS", targetId: "7" });
    await crashed({ action: "dashboard.delete", siteId: "", targetId: "3" });
    const fathom = fakeFathom({});
    expect(await reconcilePendingAudits(createAuditRepository(db), fathom, restart())).toEqual({ ok: 0, failed: 0, unknown: 0 });
    expect((await entries()).map((entry) => [entry.action, entry.outcome, entry.detail])).toEqual([
      ["report.update", "pending", null],
      ["dashboard.delete", "pending", null],
    ]);
    expect(fathom.listAllMilestones).not.toHaveBeenCalled();
    expect(fathom.listAllEvents).not.toHaveBeenCalled();
  });

  it("does not overwrite an entry settled by its own write while Fathom was being asked", async () => {
    const { db, crashed, restart, entries } = await setup();
    await crashed({ action: "milestone.delete", siteId: "CDBUGS", targetId: "m-1" });
    const fathom = fakeFathom({ CDBUGS: { milestones: [milestone("m-1", "Launch", "2024-03-01")] } });
    fathom.listAllMilestones.mockImplementation(async () => {
      await db.updateTable("audit_log").set({ outcome: "ok" }).execute();
      return [milestone("m-1", "Launch", "2024-03-01")];
    });
    expect(await reconcilePendingAudits(createAuditRepository(db), fathom, restart())).toEqual({ ok: 0, failed: 0, unknown: 0 });
    expect(settled((await entries())[0])).toMatchObject({ outcome: "ok", detail: null });
  });
});
