/**
 * Contract tests against the Fathom API reference: for every example request, the client sends the same
 * method, path, query, headers and body; every example response parses through the same client call.
 */
import { describe, expect, it } from "vitest";
import { createFathomClient, type FathomClient } from "./client";
import { FathomError } from "./errors";
import { fakeFetch, jsonResponse } from "./fake-fetch";
import { loadReferenceSections, REFERENCE_BASE_URL } from "./reference-examples";

const TOKEN = "YOUR_API_TOKEN"; // as written in the reference's examples
const sections = loadReferenceSections();

/** How each documented endpoint is called through the client, with the example's arguments. */
const CALLS: Record<string, (client: FathomClient) => Promise<unknown>> = {
  "Get account": (c) => c.getAccount(),
  "Get token": (c) => c.getToken(),
  "List sites": (c) => c.listSites(),
  "Get site": (c) => c.getSite("CDBUGS"),
  "Create site": (c) => c.createSite({ name: "Bugs Bunny Portfolio" }),
  "Update site": (c) => c.updateSite("CDBUGS", {}),
  "Delete site": (c) => c.deleteSite("CDBUGS"),
  "List events": (c) => c.listEvents("CDBUGS"),
  "Get event": (c) => c.getEvent("CDBUGS", "ABCDEFGH"),
  "Create event": (c) => c.createEvent("CDBUGS", { name: "Purchase early access" }),
  "Update event": (c) => c.updateEvent("CDBUGS", "ABCDEFGH", {}),
  "Delete event": (c) => c.deleteEvent("CDBUGS", "ABCDEFGH"),
  "List milestones": (c) => c.listMilestones("CDBUGS"),
  "Get milestone": (c) => c.getMilestone("CDBUGS", "ddc9cdff-ab83-41fa-96c6-dfb276a862e7"),
  "Create milestone": (c) => c.createMilestone("CDBUGS", { name: "Website Redesign Launch", milestone_date: "2024-01-15" }),
  "Update milestone": (c) =>
    c.updateMilestone("CDBUGS", "ddc9cdff-ab83-41fa-96c6-dfb276a862e7", {
      name: "Website Redesign Launch v2",
      milestone_date: "2024-01-20",
    }),
  "Delete milestone": (c) => c.deleteMilestone("CDBUGS", "ddc9cdff-ab83-41fa-96c6-dfb276a862e7"),
  // The reference's example omits entity_id, which its own parameter table requires for pageviews (see below).
  Aggregation: (c) => c.aggregate({ entity: "pageview", entity_id: "CDBUGS", aggregates: ["pageviews"] }),
  "Current visitors": (c) => c.currentVisitors({ siteId: "CDBUGS" }),
};

/** Query parameters the client adds on purpose beyond the example (documented above). */
const EXTRA_QUERY: Record<string, Array<[string, string]>> = { Aggregation: [["entity_id", "CDBUGS"]] };

function clientAnswering(status: number, body: unknown) {
  const fake = fakeFetch(() => jsonResponse(body, status));
  return { client: createFathomClient({ baseUrl: REFERENCE_BASE_URL, token: TOKEN, fetch: fake.fetch }), calls: fake.calls };
}

describe("the reference", () => {
  it("has the endpoints the client covers, each with an example request (wipes excepted)", () => {
    const withRequest = sections.filter((s) => s.request).map((s) => s.title);
    expect(withRequest.sort()).toEqual(Object.keys(CALLS).sort());
    expect(sections.filter((s) => !s.request).map((s) => s.title)).toEqual(["Wipe site", "Wipe event"]);
  });
});

describe.each(sections.filter((s) => s.request))("$title ($endpoint)", (section) => {
  const example = section.request!;
  const call = CALLS[section.title]!;

  it("sends the example's method, path, query, headers and body", async () => {
    const first = section.responses[0]!;
    const { client, calls } = clientAnswering(first.status, first.body);
    await call(client);
    expect(calls).toHaveLength(1);
    const sent = calls[0]!;
    expect(sent.method).toBe(example.method);
    expect(`${sent.url.origin}${sent.url.pathname}`).toBe(`${REFERENCE_BASE_URL}${example.path}`);
    const expectedQuery = [...example.query, ...(EXTRA_QUERY[section.title] ?? [])];
    expect([...sent.url.searchParams.entries()].sort()).toEqual(expectedQuery.sort());
    expect(sent.headers.get("authorization")).toBe(example.headers.authorization);
    expect(sent.headers.get("accept")).toBe(example.headers.accept);
    expect(sent.headers.get("content-type")).toBe(example.headers["content-type"] ?? null);
    expect(sent.body === null ? undefined : JSON.parse(sent.body)).toEqual(example.body);
  });

  const realResponses = section.responses.filter((r) => !r.label.startsWith("Filter:"));
  it.each(realResponses)("parses the example response ($label, $status)", async (response) => {
    const { client } = clientAnswering(response.status, response.body);
    await expect(call(client)).resolves.toBeDefined();
  });
});

describe("Aggregation examples", () => {
  const aggregation = sections.find((s) => s.title === "Aggregation")!;

  it("refuses the bare example (no entity_id) before sending, as the reference's own rules require", async () => {
    const { client, calls } = clientAnswering(200, []);
    const error = await client.aggregate({ entity: "pageview", aggregates: ["pageviews"] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FathomError);
    expect((error as FathomError).kind).toBe("validation");
    expect((error as FathomError).fields?.entity_id).toEqual(["Choose the site to report on."]);
    expect(calls).toHaveLength(0);
  });

  it("reads the example answer's numeric strings as numbers, in order", async () => {
    const { client } = clientAnswering(200, aggregation.responses[0]!.body);
    const rows = await client.aggregate({
      entity: "pageview",
      entity_id: "CDBUGS",
      aggregates: ["pageviews"],
      field_grouping: ["browser", "device_type"],
    });
    expect(rows[0]).toEqual({ browser: "Chrome", device_type: "Desktop", pageviews: 30000 });
    expect(rows.map((r) => r.pageviews)).toEqual([30000, 28000, 24000, 12000, 5000, 300]);
  });

  // The reference labels its filter examples "Example response"; they are `filters` values to send.
  it.each(aggregation.responses.filter((r) => r.label.startsWith("Filter:")))("sends $label exactly", async ({ body }) => {
    const { client, calls } = clientAnswering(200, []);
    await client.aggregate({ entity: "pageview", entity_id: "CDBUGS", aggregates: ["pageviews"], filters: body as never });
    expect(JSON.parse(calls[0]!.url.searchParams.get("filters")!)).toEqual(body);
  });
});
