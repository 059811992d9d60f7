import { describe, expect, it } from "vitest";
import type { ShareSettings } from "./share";
import { shareChanged, shareCreated, shareResumed } from "./share-summaries";

const settings: ShareSettings = {
  clientName: "Acme",
  window: { presets: [], defaultPreset: null, floor: null, ceiling: null },
  lockedFilters: [{ property: "hostname", operator: "is", value: "acme-secret.example" }],
  lockedLabel: "Acme only",
  milestones: { mode: "none" },
  branding: { accent: null, intro: "", madeWith: true },
  embedOrigins: [],
  refreshMinutes: 15,
};
const weekly = { clientName: "Acme", target: { kind: "dashboard" as const, id: 4, name: "Weekly" } };

describe("share summaries", () => {
  it("names the client and the target, or says the target was deleted", () => {
    expect(shareCreated(weekly, { hasPassword: false, expiresAt: null })).toBe("Shared dashboard “Weekly” with Acme");
    expect(shareResumed({ clientName: "Acme", target: { kind: "report", id: 9, name: null } }, false)).toBe("Resumed the share of saved report 9 (deleted) with Acme");
  });

  it("says what changed, counting locked filters without their values", () => {
    const after: ShareSettings = {
      ...settings,
      window: { ...settings.window, floor: "2026-01-01" },
      lockedFilters: [...settings.lockedFilters, { property: "utm_campaign", operator: "is", value: "spring-secret" }],
      lockedLabel: "Acme spring only",
      branding: { accent: "#1d4ed8", intro: "Hello", madeWith: false },
      embedOrigins: ["https://acme.example"],
      refreshMinutes: 60,
    };
    const summary = shareChanged(weekly, { settings, hasPassword: true, hasLogo: false }, { settings: after, password: "set", expiresAt: "2026-07-01T00:00:00.000Z", logo: "set" });
    expect(summary).toBe(
      "Changed the share of dashboard “Weekly” with Acme: date window, locked filters (now 2 filters), locked filters' label, accent colour, intro, " +
        "“Made with Sounding” hidden, embedding (now 1 site), refresh every 60 minutes, password changed, expires 2026-07-01 00:00 UTC, logo added",
    );
    for (const secret of ["acme-secret", "spring-secret", "Acme spring only"]) expect(summary).not.toContain(secret);
    expect(shareChanged(weekly, { settings, hasPassword: true, hasLogo: true }, { password: "removed", expiresAt: null, logo: "removed" })).toBe(
      "Changed the share of dashboard “Weekly” with Acme: password removed, no expiry, logo removed",
    );
  });
});
