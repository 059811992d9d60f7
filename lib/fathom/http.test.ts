import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createFathomClient } from "./client";
import { FathomError } from "./errors";
import { fakeFetch, jsonResponse } from "./fake-fetch";
import { createFathomHttp, requestUrl } from "./http";

/** Everything an attacker tried, or could: dot segments in every disguise, separators, encodings, whitespace. */
const HOSTILE_SEGMENTS = [
  "",
  ".",
  "..",
  " ..",
  "\t..",
  ".. ",
  "\n.",
  "%2e%2e",
  "%2E.",
  ".%2e",
  "%252e%252e",
  "a/b",
  "a\\b",
  "/",
  "?x=1",
  "#frag",
  "a;b",
  "a%2Fb",
  "..%2f",
  "%00",
  "a\u0000",
  "\u2025",
  "．．",
  "café",
  "a b",
  "x".repeat(256),
];

function milestoneAnswer() {
  return { id: "m1", object: "milestone", name: "x", milestone_date: "2024-01-01 00:00:00", created_at: "2024-01-01 00:00:00", updated_at: null };
}

describe("requestUrl: the path Fathom receives has exactly the segments the caller meant", () => {
  it("joins plain segments below the base URL's own path", () => {
    expect(requestUrl("https://api.usefathom.com/v1", ["sites", "CDBUGS", "milestones"]).href).toBe(
      "https://api.usefathom.com/v1/sites/CDBUGS/milestones",
    );
    expect(requestUrl("http://127.0.0.1:8787/v1/", ["current_visitors"]).pathname).toBe("/v1/current_visitors");
    expect(requestUrl("https://fathom.test/v1", ["sites", "ddc9cdff-ab83-41fa-96c6-dfb276a862e7"]).pathname).toBe(
      "/v1/sites/ddc9cdff-ab83-41fa-96c6-dfb276a862e7",
    );
  });

  it.each(HOSTILE_SEGMENTS)("refuses the hostile segment %j, before anything is sent", (hostile) => {
    let thrown: unknown;
    try {
      requestUrl("https://fathom.test/v1", ["sites", "CDBUGS", "milestones", hostile]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FathomError);
    expect((thrown as FathomError).kind).toBe("validation");
    expect((thrown as FathomError).sent).toBe(false);
  });

  it("refuses non-string segments a careless caller could pass", () => {
    expect(() => requestUrl("https://fathom.test/v1", ["sites", undefined as unknown as string])).toThrow(FathomError);
    expect(() => requestUrl("https://fathom.test/v1", ["sites", 7 as unknown as string])).toThrow(FathomError);
  });
});

describe("the HTTP layer sends nothing for a hostile path, whatever the caller", () => {
  it.each(HOSTILE_SEGMENTS)("request() with %j as a segment never calls fetch", async (hostile) => {
    const fake = fakeFetch(() => jsonResponse({}));
    const http = createFathomHttp({ baseUrl: "https://fathom.test/v1", token: "T0KEN-abcdef", fetch: fake.fetch });
    const error = await http
      .request({ method: "DELETE", path: ["sites", "SITE", "milestones", hostile], schema: z.unknown() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FathomError);
    expect(fake.calls).toHaveLength(0);
  });

  it("the milestone and event endpoints refuse the ids that reached DELETE /v1/sites/SITE/ before", async () => {
    const fake = fakeFetch(() => jsonResponse(milestoneAnswer()));
    const client = createFathomClient({ baseUrl: "https://fathom.test/v1", token: "T0KEN-abcdef", fetch: fake.fetch });
    for (const id of [" .. ", "\t..", " .", "..", "."]) {
      await expect(client.deleteMilestone("SITE", id)).rejects.toMatchObject({ kind: "validation", sent: false });
      await expect(client.updateEvent("SITE", id, { name: "renamed" })).rejects.toMatchObject({ kind: "validation", sent: false });
      await expect(client.updateMilestone("SITE", id, { name: "x", milestone_date: "2024-01-01" })).rejects.toMatchObject({
        kind: "validation",
      });
      await expect(client.deleteSite(id)).rejects.toMatchObject({ kind: "validation", sent: false });
    }
    expect(fake.calls).toHaveLength(0);
  });

  it("a valid id reaches exactly its own path", async () => {
    const fake = fakeFetch(() => jsonResponse({ id: "m1", object: "milestone", deleted: true }));
    const client = createFathomClient({ baseUrl: "https://fathom.test/v1", token: "T0KEN-abcdef", fetch: fake.fetch });
    await client.deleteMilestone("SITE", "m1");
    expect(fake.calls.map((call) => `${call.method} ${call.url.pathname}`)).toEqual(["DELETE /v1/sites/SITE/milestones/m1"]);
  });
});
