import { afterEach, describe, expect, it } from "vitest";
import { dayIn, embedOriginsOf, endOfDay, newShareBody, newShareDraft, shareChangeBody } from "./share-draft";

const zone = process.env.TZ;
afterEach(() => {
  process.env.TZ = zone;
});

describe("endOfDay", () => {
  it("is the last millisecond of the day in the browser's timezone, with its offset", () => {
    process.env.TZ = "Europe/Paris";
    expect(endOfDay("2026-06-30")).toBe("2026-06-30T23:59:59.999+02:00");
    expect(endOfDay("2026-12-31")).toBe("2026-12-31T23:59:59.999+01:00");
    process.env.TZ = "America/St_Johns";
    expect(endOfDay("2026-01-15")).toBe("2026-01-15T23:59:59.999-03:30");
    process.env.TZ = "UTC";
    expect(endOfDay("2026-01-15")).toBe("2026-01-15T23:59:59.999+00:00");
  });

  it("reads back as the same day where it was set", () => {
    expect(dayIn("2026-06-30T23:59:59.999+02:00", "Europe/Paris")).toBe("2026-06-30");
    expect(dayIn("2026-06-30T23:59:59.999+02:00", "UTC")).toBe("2026-06-30");
    expect(dayIn("2026-06-30T23:59:59.999+02:00", "Asia/Tokyo")).toBe("2026-07-01");
  });
});

describe("the bodies", () => {
  const target = { kind: "dashboard" as const, id: 5 };

  it("keeps only what was typed of the origins, and the ranges in their own order", () => {
    expect(embedOriginsOf(" https://a.example \n\n\thttps://b.example\n")).toEqual(["https://a.example", "https://b.example"]);
    const checked = newShareBody({ ...newShareDraft(), clientName: "Acme", presets: ["last_month", "today"], defaultPreset: "last_month" }, target);
    expect(checked.ok && checked.body.settings.window).toEqual({ presets: ["today", "last_month"], defaultPreset: "last_month", floor: null, ceiling: null });
  });

  it("is refused by the contract's schema with the server's dotted paths", () => {
    const checked = newShareBody({ ...newShareDraft(), accent: "#ffff00", refreshMinutes: "", embedOrigins: "https://ok.example\nnot an origin" }, target);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.fields).sort()).toEqual(["settings.branding.accent", "settings.clientName", "settings.embedOrigins.1", "settings.refreshMinutes"]);
    expect(checked.fields["settings.refreshMinutes"]).toEqual(["The refresh interval is a number of minutes"]);
  });

  it("on edit, sends the settings and only the password, expiry and logo that changed", () => {
    const draft = { ...newShareDraft(), clientName: "Acme", expiresOn: null };
    expect(shareChangeBody(draft)).toMatchObject({ ok: true, body: { settings: { clientName: "Acme" } } });
    const changed = shareChangeBody({ ...draft, removePassword: true, expiresOn: "", logo: "remove" });
    expect(changed.ok && [changed.body.password, changed.body.expiresAt, changed.body.logo]).toEqual([null, null, null]);
  });
});
