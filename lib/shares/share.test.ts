/** The share contract's own rules: what the settings form and the API refuse before anything is stored. */
import { describe, expect, it } from "vitest";
import { embedOriginSchema, newShareSchema, shareChangeSchema, shareSlugSchema, shareWindowSchema } from "./share";

const issues = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  result.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) ?? [];

describe("the share contract", () => {
  it("opens with one of the ranges the client may pick, and keeps the first date before the last", () => {
    expect(shareWindowSchema.safeParse({ presets: ["last_7_days"], defaultPreset: "last_7_days", floor: "2026-03-01", ceiling: null }).success).toBe(true);
    expect(shareWindowSchema.safeParse({ presets: [], defaultPreset: null, floor: null, ceiling: null }).success).toBe(true);
    expect(issues(shareWindowSchema.safeParse({ presets: ["last_7_days"], defaultPreset: "last_month", floor: null, ceiling: null }))).toEqual([
      "defaultPreset: The default range must be one the viewer may pick",
    ]);
    expect(issues(shareWindowSchema.safeParse({ presets: ["last_7_days"], defaultPreset: null, floor: null, ceiling: null }))).toEqual([
      "defaultPreset: Pick which of the allowed ranges the page opens with",
    ]);
    expect(issues(shareWindowSchema.safeParse({ presets: [], defaultPreset: null, floor: "2026-03-01", ceiling: "2026-02-01" }))).toEqual([
      "ceiling: The last date is before the first — swap them",
    ]);
    expect(issues(shareWindowSchema.safeParse({ presets: ["today", "today"], defaultPreset: "today", floor: null, ceiling: null }))).toEqual(["presets: Pick each range once"]);
    expect(shareWindowSchema.safeParse({ presets: ["custom"], defaultPreset: "custom", floor: null, ceiling: null }).success).toBe(false);
  });

  it("takes an embedding origin only as a browser writes one: scheme, host and port", () => {
    for (const origin of ["https://client.example", "http://127.0.0.1:8080", "https://intranet.client.example:8443", "http://[::1]:3000", "https://xn--bcher-kva.example"]) expect(embedOriginSchema.safeParse(origin).success, origin).toBe(true);
    for (const origin of ["https://client.example/", "https://client.example/page", "https://*.client.example", "https://client.example;script-src", "https://client.example%3Bx", "http://*", "client.example", "javascript:alert(1)", "https://user:pw@client.example", "'self'", "https://client.example 'unsafe-inline'", "ftp://client.example"]) {
      expect(embedOriginSchema.safeParse(origin).success, origin).toBe(false);
    }
  });

  it("takes a slug only of its exact shape", () => {
    expect(shareSlugSchema.safeParse("Zy4xWv1uTs8rQp5oNm2lKj9iHg6fEd3c").success).toBe(true);
    for (const slug of ["short", "Zy4xWv1uTs8rQp5oNm2lKj9iHg6fEd3", "Zy4xWv1uTs8rQp5oNm2lKj9iHg6fEd3cX", "Zy4xWv1uTs8rQp5oNm2lKj9iHg6fEd3=", "../../../../../../../../../etc/pa"]) {
      expect(shareSlugSchema.safeParse(slug).success, slug).toBe(false);
    }
  });

  it("refuses an SVG logo, a short password, and a change of nothing", () => {
    const base = {
      target: { kind: "report", id: 3 },
      settings: {
        clientName: "Acme",
        window: { presets: [], defaultPreset: null, floor: null, ceiling: null },
        lockedFilters: [{ property: "hostname", operator: "is", value: "client.example" }],
        lockedLabel: "",
        milestones: { mode: "all" },
        branding: { accent: null, intro: "", madeWith: true },
        embedOrigins: [],
        refreshMinutes: 15,
      },
    };
    expect(newShareSchema.parse(base)).toMatchObject({ password: null, expiresAt: null, logo: null });
    expect(issues(newShareSchema.safeParse({ ...base, logo: { type: "image/svg+xml", base64: "PHN2Zz4=" } }))).toEqual(["logo.type: Upload a PNG, JPEG or WebP image (not SVG)"]);
    expect(issues(newShareSchema.safeParse({ ...base, password: "short" }))).toEqual(["password: Use at least 8 characters"]);
    expect(issues(newShareSchema.safeParse({ ...base, target: { kind: "site", id: 3 } }))[0]).toMatch(/^target\.kind:/);
    expect(issues(shareChangeSchema.safeParse({}))).toEqual([": Change at least one setting"]);
    expect(shareChangeSchema.safeParse({ password: null }).success).toBe(true);
  });
});
