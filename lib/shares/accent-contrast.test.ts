import { describe, expect, it } from "vitest";
import { accentProblem, contrastRatio } from "./accent-contrast";
import { shareSettingsSchema } from "./share";

describe("a share's accent colour", () => {
  it("measures contrast as WCAG does", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBe(1);
    expect(contrastRatio("#2563eb", "#ffffff")).toBeCloseTo(5.17, 2);
  });

  it("takes a colour that stands out on both the light and the dark page, and says which page another fails on", () => {
    expect(accentProblem("#2563eb")).toBeNull();
    expect(accentProblem("#0f766e")).toBeNull();
    expect(accentProblem("#fde047")).toMatch(/^This colour is too light: 1\.\d\d:1 against the light page, and it needs 3:1/);
    expect(accentProblem("#1d4ed8")).toMatch(/^This colour is too dark: 2\.60:1 against the dark page/);
  });

  it("is refused by the settings schema with that message, on the accent's own field", () => {
    const settings = {
      clientName: "Acme",
      window: { presets: [], defaultPreset: null, floor: null, ceiling: null },
      lockedFilters: [],
      lockedLabel: "",
      milestones: { mode: "none" },
      branding: { accent: "#FDE047", intro: "", madeWith: true },
      embedOrigins: [],
      refreshMinutes: 15,
    };
    const refused = shareSettingsSchema.safeParse(settings);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({ path: ["branding", "accent"], message: expect.stringContaining("too light") });
    const kept = shareSettingsSchema.parse({ ...settings, branding: { ...settings.branding, accent: "#2563EB" } });
    expect(kept.branding.accent).toBe("#2563eb");
    expect(shareSettingsSchema.safeParse({ ...settings, branding: { ...settings.branding, accent: "blue" } }).error?.issues[0]?.message).toBe("Use a colour like #2563eb");
  });
});
