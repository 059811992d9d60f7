import { describe, expect, it } from "vitest";
import { isClosedPeriod, periodFreshness } from "./freshness";

// 01:30 UTC on 2 May: already 2 May in Berlin, still 1 May in Los Angeles.
const now = Date.parse("2024-05-02T01:30:00Z");

describe("isClosedPeriod", () => {
  it("judges 'before today' in the site's timezone", () => {
    expect(isClosedPeriod("2024-05-01 23:59:59", "Europe/Berlin", now)).toBe(true);
    expect(isClosedPeriod("2024-05-01 23:59:59", "America/Los_Angeles", now)).toBe(false);
    expect(isClosedPeriod("2024-04-30 23:59:59", "America/Los_Angeles", now)).toBe(true);
  });

  it("counts a period ending at today's midnight, in the future, or 'until now' as open", () => {
    expect(isClosedPeriod("2024-05-02 00:00:00", "Europe/Berlin", now)).toBe(false);
    expect(isClosedPeriod("2030-01-01 00:00:00", "Europe/Berlin", now)).toBe(false);
    expect(isClosedPeriod(undefined, "Europe/Berlin", now)).toBe(false);
  });

  it("without a usable timezone, only calls a period closed once it has ended everywhere", () => {
    // In UTC−12 it is 1 May 13:30, so 1 May is not over everywhere yet.
    for (const timeZone of [undefined, "", "Not/A_Zone"]) {
      expect(isClosedPeriod("2024-05-01 10:00:00", timeZone, now)).toBe(false);
      expect(isClosedPeriod("2024-04-30 23:59:59", timeZone, now)).toBe(true);
    }
    // Even where the site's own zone would already call 1 May over (it is 2 May in Berlin).
    expect(isClosedPeriod("2024-05-01 23:59:59", "Europe/Berlin", now)).toBe(true);
  });
});

describe("periodFreshness", () => {
  const durations = { closedPeriodSeconds: 86_400, openPeriodSeconds: 60 };
  it("keeps a closed period long and persisted, an open one briefly in memory", () => {
    expect(periodFreshness({ dateTo: "2024-04-01 00:00:00", timeZone: "UTC", now, ...durations })).toEqual({
      ttlMs: 86_400_000,
      persist: true,
    });
    expect(periodFreshness({ dateTo: undefined, timeZone: "UTC", now, ...durations })).toEqual({ ttlMs: 60_000, persist: false });
  });
});
