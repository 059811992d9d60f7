import { describe, expect, it } from "vitest";
import { createFathomClient } from "./client";
import { fakeFetch, jsonResponse } from "./fake-fetch";
import { loadSiteDirectory } from "./site-directory";

const site = (id: string, extra: object = {}) => ({
  id,
  object: "site",
  name: `Site ${id}`,
  sharing: "none",
  created_at: "2024-01-01 00:00:00",
  timezone: "Europe/Berlin",
  ...extra,
});
const event = (id: string) => ({ id, object: "event", name: `Event ${id}`, currency: null, created_at: "2024-01-02 00:00:00" });
const milestone = (id: string) => ({
  id,
  object: "milestone",
  name: `Milestone ${id}`,
  milestone_date: "2024-03-01 00:00:00",
  created_at: "2024-01-03 00:00:00",
  updated_at: "2024-01-03 00:00:00",
});
const list = (data: unknown[], hasMore = false) => ({ object: "list", has_more: hasMore, data });

describe("loadSiteDirectory", () => {
  it("walks every page of sites, and of each site's events and milestones", async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const fake = fakeFetch(async ({ url }) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      const after = url.searchParams.get("starting_after");
      if (url.pathname === "/v1/sites") {
        return jsonResponse(after ? list([site("S3", { sharing: "private", timezone: null })]) : list([site("S1"), site("S2")], true));
      }
      const [, , , siteId, kind] = url.pathname.split("/");
      if (kind === "events") return jsonResponse(siteId === "S1" && !after ? list([event("E1")], true) : list(siteId === "S1" ? [event("E2")] : []));
      return jsonResponse(list(siteId === "S2" ? [milestone("M1")] : []));
    });
    const client = createFathomClient({ baseUrl: "https://fathom.test/v1", token: "tok-123456", fetch: fake.fetch });
    const directory = await loadSiteDirectory(client);

    expect(directory.map((s) => [s.id, s.name, s.timezone, s.sharing])).toEqual([
      ["S1", "Site S1", "Europe/Berlin", "none"],
      ["S2", "Site S2", "Europe/Berlin", "none"],
      ["S3", "Site S3", null, "private"],
    ]);
    expect(directory[0]!.events.map((e) => e.id)).toEqual(["E1", "E2"]);
    expect(directory[1]!.milestones).toEqual([{ id: "M1", name: "Milestone M1", date: "2024-03-01", createdAt: "2024-01-03 00:00:00" }]);
    // 2 site pages + per site: events (S1 has 2 pages) + milestones
    expect(fake.calls).toHaveLength(2 + 4 + 3);
    expect(maxInFlight).toBeLessThanOrEqual(4);
  });

  it("is empty for an account without sites", async () => {
    const fake = fakeFetch(() => jsonResponse(list([])));
    const client = createFathomClient({ baseUrl: "https://fathom.test/v1", token: "tok-123456", fetch: fake.fetch });
    expect(await loadSiteDirectory(client)).toEqual([]);
    expect(fake.calls).toHaveLength(1);
  });

  it("fails as a whole when one site's list fails, starting no site after it", async () => {
    const fake = fakeFetch(({ url }) => {
      if (url.pathname === "/v1/sites") return jsonResponse(list([site("S1"), site("S2"), site("S3"), site("S4")]));
      if (url.pathname === "/v1/sites/S1/events") return jsonResponse({ error: "Site not found" }, 404);
      return jsonResponse(list([]));
    });
    const client = createFathomClient({ baseUrl: "https://fathom.test/v1", token: "tok-123456", fetch: fake.fetch });
    await expect(loadSiteDirectory(client)).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 20)); // room for a worker that would carry on
    const started = new Set(fake.calls.map((call) => call.url.pathname.split("/")[3]).filter(Boolean));
    expect([...started].sort()).toEqual(["S1", "S2"]);
  });
});
