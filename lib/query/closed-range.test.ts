import { describe, expect, it } from "vitest";
import { endedBeforeToday, isClosedRange } from "./resolve-range";

// A closed range is never fetched again by the browser (report-run-query.ts), so a wrong "closed" freezes figures.

describe("isClosedRange", () => {
  it("treats presets that end before today as closed, and those touching today as open", () => {
    const now = new Date("2024-06-15T12:00:00Z");
    expect(isClosedRange({ preset: "yesterday" }, "UTC", now)).toBe(true);
    expect(isClosedRange({ preset: "last_month" }, "UTC", now)).toBe(true);
    expect(isClosedRange({ preset: "last_7_days" }, "UTC", now)).toBe(false);
    expect(isClosedRange({ preset: "this_year" }, "UTC", now)).toBe(false);
    expect(isClosedRange({ preset: "all_time" }, "UTC", now)).toBe(false);
  });

  it("closes a custom range by today in the site's timezone, not the browser's", () => {
    const now = new Date("2024-01-15T03:00:00Z");
    const range = { preset: "custom" as const, from: "2024-01-01", to: "2024-01-14" };
    // In London it is already the 15th: the 14th is over. In Los Angeles it is still the 14th.
    expect(isClosedRange(range, "Europe/London", now)).toBe(true);
    expect(isClosedRange(range, "America/Los_Angeles", now)).toBe(false);
  });
});

describe("endedBeforeToday: the one rule the browser and the governor share", () => {
  it("reads an unknown or missing timezone as the last to reach a date, so it never closes a period early", () => {
    // 2024-01-15 11:00 UTC: the 15th everywhere east of UTC−11, still the 14th in UTC−12.
    const now = new Date("2024-01-15T11:00:00Z");
    expect(endedBeforeToday("2024-01-14", "Europe/London", now)).toBe(true);
    for (const zone of [undefined, null, "", "Mars/Olympus_Mons"]) {
      expect(endedBeforeToday("2024-01-14", zone, now)).toBe(false);
      expect(endedBeforeToday("2024-01-13", zone, now)).toBe(true);
    }
    expect(isClosedRange({ preset: "custom", from: "2024-01-01", to: "2024-01-14" }, "Nowhere/Else", now)).toBe(false);
  });
});
