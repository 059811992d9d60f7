/**
 * For unit tests of client shares: settings and a public share with plain defaults (a share of saved report
 * 12 for Acme: no ranges to pick, no locked filters, no password, active), changed where a test needs it.
 * Not for production code.
 */
import type { ShareSettings } from "./share";
import type { PublicShare } from "./shares-service";

export function testShareSettings(change: Partial<ShareSettings> = {}): ShareSettings {
  return {
    clientName: "Acme",
    window: { presets: [], defaultPreset: null, floor: null, ceiling: null },
    lockedFilters: [],
    lockedLabel: "",
    milestones: { mode: "none" },
    branding: { accent: null, intro: "", madeWith: true },
    embedOrigins: [],
    refreshMinutes: 15,
    ...change,
  };
}

export function testPublicShare(patch: Partial<PublicShare> = {}, settings: Partial<ShareSettings> = {}): PublicShare {
  return {
    id: 1,
    slug: "Zy4xWv1uTs8rQp5oNm2lKj9iHg6fEd3c",
    target: { kind: "report", id: 12 },
    settings: testShareSettings(settings),
    passwordHash: null,
    sessionEpoch: 1,
    revision: 1,
    state: "active",
    hasLogo: false,
    ...patch,
  };
}
