import { describe, expect, it } from "vitest";
import { isClosedRange } from "./resolve-range";

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
