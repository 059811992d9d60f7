import { describe, expect, it } from "vitest";
import { call } from "./fixture";
import { createSimulator } from "./simulator";

const NOW = new Date("2025-06-15T12:00:00Z");
const simulator = () => createSimulator({ now: () => NOW, rateLimits: false });

describe("management: seeded account", () => {
  it("starts with four sites in different time zones, one shared privately", async () => {
    const { body } = await call(simulator(), "GET", "/v1/sites?limit=100");
    expect(body).toMatchObject({ object: "list", url: "/v1/sites", has_more: false });
    expect(body.data[0]).toEqual({ id: "CDBUGS", object: "site", name: "Bugs Bunny Portfolio", sharing: "none", created_at: "2020-07-27 12:01:01", timezone: "America/New_York" });
    expect(new Set(body.data.map((site: { timezone: string }) => site.timezone)).size).toBe(4);
    expect(body.data.map((site: { sharing: string }) => site.sharing)).toContain("private");
  });

  it("gives every seeded site events and a handful of milestones inside the window", async () => {
    const sim = simulator();
    for (const id of ["CDBUGS", "PDNGTON", "SKIPPYAU", "DAFFYLAB"]) {
      const events = (await call(sim, "GET", `/v1/sites/${id}/events?limit=100`)).body.data;
      expect(events.length).toBeGreaterThanOrEqual(2);
      expect(events.every((event: { currency: unknown }) => event.currency === null)).toBe(true);
      const milestones = (await call(sim, "GET", `/v1/sites/${id}/milestones?limit=100`)).body.data;
      expect(milestones.length).toBeGreaterThanOrEqual(2);
      for (const milestone of milestones) {
        expect(milestone.name.length).toBeLessThanOrEqual(30);
        expect(milestone.milestone_date).toMatch(/^\d{4}-\d{2}-\d{2} 00:00:00$/);
        expect(milestone.milestone_date >= "2023-06-15" && milestone.milestone_date <= "2025-06-15 00:00:00").toBe(true);
      }
    }
  });

  it("answers the account and the token", async () => {
    const sim = simulator();
    expect((await call(sim, "GET", "/v1/account")).body).toEqual({ id: expect.any(Number), object: "account", name: expect.any(String), email: expect.stringContaining("@") });
    expect((await call(sim, "GET", "/v1/token")).body).toEqual({
      name: expect.any(String),
      version: 4,
      abilities: ["*"],
      last_used_at: "2025-06-15 12:00:00",
      expires_at: null,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
  });
});

describe("management: create, update, delete", () => {
  it("keeps sites in memory through their whole life", async () => {
    const sim = simulator();
    const created = await call(sim, "POST", "/v1/sites", { body: { name: "Daffy's Website", sharing: "private", share_password: "quack", timezone: "Europe/Paris" } });
    expect(created).toMatchObject({ status: 200, body: { object: "site", name: "Daffy's Website", sharing: "private", timezone: "Europe/Paris", created_at: "2025-06-15 12:00:00" } });
    const id = created.body.id as string;
    expect(id).toMatch(/^[A-Z]{6,8}$/);
    expect((await call(sim, "POST", `/v1/sites/${id}`, { body: { name: "Daffy's Place", sharing: "public" } })).body).toMatchObject({ id, name: "Daffy's Place", sharing: "public", timezone: "Europe/Paris" });
    expect((await call(sim, "GET", `/v1/sites/${id}`)).body.name).toBe("Daffy's Place");
    expect((await call(sim, "GET", "/v1/sites?limit=100")).body.data.at(-1).id).toBe(id);
    expect((await call(sim, "POST", "/v1/sites", { body: { name: "No zone" } })).body.timezone).toBe("UTC");
    expect((await call(sim, "DELETE", `/v1/sites/${id}`)).body).toEqual({ id, object: "site", deleted: true });
    expect((await call(sim, "GET", `/v1/sites/${id}`)).status).toBe(404);
    expect((await call(sim, "GET", `/v1/sites/${id}/events`)).status).toBe(404);
  });

  it("shows an event's currency only on create and update answers", async () => {
    const sim = simulator();
    const created = await call(sim, "POST", "/v1/sites/CDBUGS/events", { body: { name: "Bought carrots", currency: "euro" } });
    expect(created.body).toEqual({ id: expect.stringMatching(/^[A-Z]{8}$/), object: "event", name: "Bought carrots", currency: "euro", created_at: "2025-06-15 12:00:00" });
    const id = created.body.id;
    expect((await call(sim, "GET", `/v1/sites/CDBUGS/events/${id}`)).body.currency).toBeNull();
    expect((await call(sim, "POST", "/v1/sites/CDBUGS/events", { body: { name: "Default currency" } })).body.currency).toBe("dollar");
    expect((await call(sim, "POST", `/v1/sites/CDBUGS/events/${id}`, { body: { name: "Bought more carrots" } })).body).toMatchObject({ name: "Bought more carrots", currency: "euro" });
    expect((await call(sim, "GET", `/v1/sites/PDNGTON/events/${id}`)).status).toBe(404);
    expect((await call(sim, "DELETE", `/v1/sites/CDBUGS/events/${id}`)).body).toEqual({ id, object: "event", deleted: true });
    expect((await call(sim, "GET", `/v1/sites/CDBUGS/events/${id}`)).status).toBe(404);
  });

  it("creates milestones with 201, needs both fields to update them, and deletes them", async () => {
    const sim = simulator();
    const created = await call(sim, "POST", "/v1/sites/SKIPPYAU/milestones", { body: { name: "Website Redesign Launch", milestone_date: "2024-01-15" } });
    expect(created).toMatchObject({
      status: 201,
      body: { object: "milestone", name: "Website Redesign Launch", milestone_date: "2024-01-15 00:00:00", created_at: "2025-06-15 12:00:00", updated_at: "2025-06-15 12:00:00" },
    });
    const id = created.body.id as string;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect((await call(sim, "POST", `/v1/sites/SKIPPYAU/milestones/${id}`, { body: { name: "Only a name" } })).body).toEqual({
      errors: { milestone_date: ["The milestone date field is required."] },
    });
    expect((await call(sim, "POST", `/v1/sites/SKIPPYAU/milestones/${id}`, { body: { name: "Redesign v2", milestone_date: "2024-01-20" } })).body).toMatchObject({
      id,
      name: "Redesign v2",
      milestone_date: "2024-01-20 00:00:00",
    });
    expect((await call(sim, "DELETE", `/v1/sites/SKIPPYAU/milestones/${id}`)).body).toEqual({ id, object: "milestone", deleted: true });
    expect((await call(sim, "GET", `/v1/sites/SKIPPYAU/milestones/${id}`)).status).toBe(404);
  });
});

describe("management: pagination", () => {
  async function withMilestones(count: number) {
    const sim = simulator();
    const site = (await call(sim, "POST", "/v1/sites", { body: { name: "Pages" } })).body.id as string;
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      ids.push((await call(sim, "POST", `/v1/sites/${site}/milestones`, { body: { name: `M${i}`, milestone_date: "2025-01-01" } })).body.id);
    }
    return { sim, path: `/v1/sites/${site}/milestones`, ids };
  }

  it("pages forwards with starting_after (10 by default) until has_more is false", async () => {
    const { sim, path, ids } = await withMilestones(23);
    const seen: string[] = [];
    let cursor = "";
    for (;;) {
      const { body } = await call(sim, "GET", `${path}${cursor}`);
      expect(body.url).toBe(path);
      seen.push(...body.data.map((item: { id: string }) => item.id));
      if (!body.has_more) break;
      cursor = `?starting_after=${body.data.at(-1).id}`;
    }
    expect(seen).toEqual(ids);
    const page = await call(sim, "GET", `${path}?limit=5&starting_after=${ids[19]}`);
    expect(page.body).toMatchObject({ has_more: false });
    expect(page.body.data.map((item: { id: string }) => item.id)).toEqual(ids.slice(20));
  });

  it("pages backwards with ending_before, newest first", async () => {
    const { sim, path, ids } = await withMilestones(7);
    const first = await call(sim, "GET", `${path}?limit=3&ending_before=${ids[6]}`);
    expect(first.body.data.map((item: { id: string }) => item.id)).toEqual([ids[5], ids[4], ids[3]]);
    expect(first.body.has_more).toBe(true);
    const last = await call(sim, "GET", `${path}?limit=3&ending_before=${ids[3]}`);
    expect(last.body.data.map((item: { id: string }) => item.id)).toEqual([ids[2], ids[1], ids[0]]);
    expect(last.body.has_more).toBe(false);
  });

  it("refuses limits outside 1–100, both cursors at once and unknown cursors", async () => {
    const sim = simulator();
    expect((await call(sim, "GET", "/v1/sites?limit=0")).body).toEqual({ errors: { limit: ["The limit must be between 1 and 100."] } });
    expect((await call(sim, "GET", "/v1/sites?limit=101")).body).toEqual({ errors: { limit: ["The limit must be between 1 and 100."] } });
    expect((await call(sim, "GET", "/v1/sites?limit=ten")).body).toEqual({ errors: { limit: ["The limit must be an integer."] } });
    expect(await call(sim, "GET", "/v1/sites?starting_after=CDBUGS&ending_before=DAFFYLAB")).toMatchObject({ status: 400, body: { error: expect.any(String) } });
    expect(await call(sim, "GET", "/v1/sites?starting_after=NOPE")).toMatchObject({ status: 400, body: { errors: { starting_after: expect.any(Array) } } });
    expect((await call(sim, "GET", "/v1/sites?limit=1")).body).toMatchObject({ has_more: true, data: [{ id: "CDBUGS" }] });
  });
});
