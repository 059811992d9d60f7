import { describe, expect, it } from "vitest";
import { createFathomClient } from "./client";
import { FathomError } from "./errors";
import { fakeFetch, jsonResponse, type Responder } from "./fake-fetch";

const site = (id: string) => ({ id, object: "site", name: `Site ${id}`, sharing: "none", created_at: "2024-01-01 00:00:00", timezone: "UTC" });

function clientWith(respond: Responder) {
  const fake = fakeFetch(respond);
  return { client: createFathomClient({ baseUrl: "https://fathom.test/v1", token: "T0KEN-abcdef", fetch: fake.fetch }), calls: fake.calls };
}

async function localRefusal(promise: Promise<unknown>) {
  const error = (await promise.catch((e: unknown) => e)) as FathomError;
  expect(error).toBeInstanceOf(FathomError);
  expect(error.kind).toBe("validation");
  expect(error.sent).toBe(false);
  return error.fields;
}

describe("list pagination", () => {
  it("listAllSites walks every page with starting_after and limit 100", async () => {
    const pages = [
      { object: "list", url: "/v1/sites", has_more: true, data: [site("A"), site("B")] },
      { object: "list", url: "/v1/sites", has_more: true, data: [site("C")] },
      { object: "list", url: "/v1/sites", has_more: false, data: [site("D")] },
    ];
    const { client, calls } = clientWith((_, index) => jsonResponse(pages[index]));
    const sites = await client.listAllSites();
    expect(sites.map((s) => s.id)).toEqual(["A", "B", "C", "D"]);
    expect(calls.map((c) => c.url.search)).toEqual(["?limit=100", "?limit=100&starting_after=B", "?limit=100&starting_after=C"]);
  });

  it("listAllEvents and listAllMilestones page the same way under the site", async () => {
    const event = (id: string) => ({ id, object: "event", name: id, currency: null, created_at: "2024-01-01 00:00:00" });
    const { client, calls } = clientWith((_, index) =>
      jsonResponse({ object: "list", has_more: index === 0, data: [event(index === 0 ? "E1" : "E2")] }),
    );
    expect((await client.listAllEvents("CDBUGS")).map((e) => e.id)).toEqual(["E1", "E2"]);
    expect(calls.map((c) => `${c.url.pathname}${c.url.search}`)).toEqual([
      "/v1/sites/CDBUGS/events?limit=100",
      "/v1/sites/CDBUGS/events?limit=100&starting_after=E1",
    ]);
  });

  it("stops with a clear error when Fathom says more follow but sends nothing to page from", async () => {
    const { client } = clientWith(() => jsonResponse({ object: "list", has_more: true, data: [] }));
    await expect(client.listAllSites()).rejects.toMatchObject({ kind: "invalid_response" });
  });

  it("passes one page's cursor and size through, and refuses sizes outside 1–100 or both cursors", async () => {
    const { client, calls } = clientWith(() => jsonResponse({ object: "list", has_more: false, data: [] }));
    await client.listMilestones("CDBUGS", { limit: 5, ending_before: "m-9" });
    expect(calls[0]!.url.search).toBe("?limit=5&ending_before=m-9");
    expect(await localRefusal(client.listSites({ limit: 101 }))).toEqual({ limit: ["The page size must be at most 100"] });
    expect(await localRefusal(client.listSites({ limit: 0 }))).toEqual({ limit: ["The page size must be at least 1"] });
    expect(await localRefusal(client.listSites({ starting_after: "a", ending_before: "b" }))).toEqual({
      ending_before: ["Page with starting_after or ending_before, not both."],
    });
    expect(calls).toHaveLength(1);
  });
});

describe("management inputs are checked before sending", () => {
  const { client, calls } = clientWith(() => jsonResponse({}));

  it("site names, sharing passwords, multi-domain options and timezones", async () => {
    expect(await localRefusal(client.createSite({ name: "" }))).toEqual({ name: ["Give the site a name"] });
    expect(await localRefusal(client.createSite({ name: "x".repeat(256) }))).toEqual({ name: ["Use at most 255 characters"] });
    expect(await localRefusal(client.createSite({ name: "A", sharing: "private" }))).toEqual({
      share_password: ["A privately shared site needs a password."],
    });
    expect(await localRefusal(client.updateSite("CDBUGS", { multi_domain: true }))).toEqual({
      multi_domain_option: ["Choose whether multiple domains are combined or separate."],
    });
    expect(await localRefusal(client.updateSite("CDBUGS", { timezone: "Nowhere/Land" }))).toEqual({
      timezone: ["Use a timezone name such as America/New_York"],
    });
  });

  it("event names and currencies", async () => {
    expect(await localRefusal(client.createEvent("CDBUGS", { name: " " }))).toEqual({ name: ["Give the event a name"] });
    expect(Object.keys((await localRefusal(client.updateEvent("CDBUGS", "E1", { currency: "doubloon" as never }))) ?? {})).toEqual([
      "currency",
    ]);
  });

  it("milestone names of at most 30 characters and real YYYY-MM-DD dates", async () => {
    expect(await localRefusal(client.createMilestone("CDBUGS", { name: "x".repeat(31), milestone_date: "2024-01-01" }))).toEqual({
      name: ["Milestone names are at most 30 characters"],
    });
    expect(await localRefusal(client.createMilestone("CDBUGS", { name: "Launch", milestone_date: "15/01/2024" }))).toEqual({
      milestone_date: ["Use the date format YYYY-MM-DD"],
    });
    expect(await localRefusal(client.updateMilestone("CDBUGS", "m1", { name: "Launch", milestone_date: "2023-02-29" }))).toEqual({
      milestone_date: ["That date does not exist"],
    });
  });

  it("ids that could change the path", async () => {
    expect(await localRefusal(client.getSite("../account"))).toEqual({ _: ["That is not a valid site id"] });
    expect(await localRefusal(client.getEvent("CDBUGS", ""))).toEqual({ _: ["Give the event id"] });
  });

  it("sent nothing for any of these", () => {
    expect(calls).toHaveLength(0);
  });
});

describe("management writes", () => {
  it("send only the fields given, trimmed", async () => {
    const { client, calls } = clientWith(() => jsonResponse(site("CDBUGS")));
    await client.updateSite("CDBUGS", { name: "  Acme  ", sharing: "public" });
    expect(JSON.parse(calls[0]!.body!)).toEqual({ name: "Acme", sharing: "public" });
    expect(calls[0]!.headers.get("content-type")).toBe("application/json");
  });
});
