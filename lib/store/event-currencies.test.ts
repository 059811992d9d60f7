import { describe, expect, it } from "vitest";
import { migrate, openTestDatabase } from "./db";
import { eventCurrencies } from "./event-currencies";

describe("event currencies", () => {
  it("keeps the last currency set for an event, by site", async () => {
    const repo = eventCurrencies(await openTestDatabase());
    await repo.set("SITE1", "EV1", "euro");
    await repo.set("SITE1", "EV2", "yen");
    await repo.set("SITE2", "EV3", "pound");
    await repo.set("SITE1", "EV1", "dollar");
    expect(await repo.of("EV1")).toBe("dollar");
    expect(Object.fromEntries(await repo.ofSite("SITE1"))).toEqual({ EV1: "dollar", EV2: "yen" });
    await repo.remove("EV2");
    expect(await repo.of("EV2")).toBeNull();
    expect(await repo.of("NEVER")).toBeNull();
  });

  it("carries over what the audit log knew when the table is created", async () => {
    const db = await openTestDatabase({ migrated: false });
    await migrate(db, "005-sessions");
    const entry = (action: string, target: string, after: unknown, outcome = "ok") => ({
      created_at: "2026-11-01T10:00:00.000Z",
      actor_id: null,
      actor_name: "A",
      actor_email: "a@example.com",
      action,
      site_id: "SITE1",
      target_id: target,
      summary: "s",
      after_json: after === undefined ? null : JSON.stringify(after),
      outcome,
      detail: null,
      intent_json: null,
    });
    await db
      .insertInto("audit_log")
      .values([
        entry("event.create", "EV1", { name: "Signup", currency: "euro" }),
        entry("event.update", "EV1", { name: "Signup", currency: "pound" }),
        entry("event.create", "EV2", { name: "Buy", currency: "yen" }),
        entry("event.update", "EV2", { name: "Buy", currency: "won" }, "failed"),
        entry("event.create", "EV3", "not an object"),
      ])
      .execute();
    await migrate(db);
    expect(Object.fromEntries(await eventCurrencies(db).ofSite("SITE1"))).toEqual({ EV1: "pound", EV2: "yen" });
  });
});
