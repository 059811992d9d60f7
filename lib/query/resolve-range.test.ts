import { describe, expect, it } from "vitest";
import { DATE_PRESETS, type DateRange } from "./date-presets";
import {
  bucketKey,
  dateBuckets,
  rangeFromDays,
  resolveGrouping,
  resolveRange,
  todayIn,
} from "./resolve-range";

const UTC = "UTC";
const NY = "America/New_York";
const LONDON = "Europe/London";
// A Wednesday.
const WEDNESDAY = new Date("2024-05-15T12:00:00Z");

function days(range: DateRange, now = WEDNESDAY, timezone = UTC, earliest?: string) {
  const resolved = resolveRange(range, { timezone, now, earliest });
  return [resolved.startDate, resolved.endDate, resolved.days];
}

describe("resolveRange presets", () => {
  it.each([
    ["today", "2024-05-15", "2024-05-15", 1],
    ["yesterday", "2024-05-14", "2024-05-14", 1],
    ["last_7_days", "2024-05-09", "2024-05-15", 7],
    ["last_30_days", "2024-04-16", "2024-05-15", 30],
    ["last_90_days", "2024-02-16", "2024-05-15", 90],
    ["this_week", "2024-05-13", "2024-05-15", 3],
    ["last_week", "2024-05-06", "2024-05-12", 7],
    ["this_month", "2024-05-01", "2024-05-15", 15],
    ["last_month", "2024-04-01", "2024-04-30", 30],
    ["this_quarter", "2024-04-01", "2024-05-15", 45],
    ["last_quarter", "2024-01-01", "2024-03-31", 91],
    ["this_year", "2024-01-01", "2024-05-15", 136],
    ["last_year", "2023-01-01", "2023-12-31", 365],
    ["last_12_months", "2023-05-01", "2024-04-30", 366],
    ["all_time", "2018-01-01", "2024-05-15", 2327],
  ] as const)("%s on Wednesday 15 May 2024 is %s..%s (%i days)", (preset, start, end, count) => {
    expect(days({ preset })).toEqual([start, end, count]);
  });

  it("covers every preset in the table above", () => {
    expect(DATE_PRESETS).toHaveLength(15);
  });

  it("writes whole days as Fathom timestamps", () => {
    const range = resolveRange({ preset: "last_7_days" }, { timezone: NY, now: WEDNESDAY });
    expect(range).toEqual({
      from: "2024-05-09 00:00:00",
      to: "2024-05-15 23:59:59",
      startDate: "2024-05-09",
      endDate: "2024-05-15",
      days: 7,
      timezone: NY,
    });
  });

  it("takes custom dates as they are, both included", () => {
    expect(days({ preset: "custom", from: "2024-02-27", to: "2024-03-02" })).toEqual(["2024-02-27", "2024-03-02", 5]);
  });

  it("starts all time on the site's first day, or today when that is later", () => {
    expect(days({ preset: "all_time" }, WEDNESDAY, UTC, "2022-07-01")).toEqual(["2022-07-01", "2024-05-15", 685]);
    expect(days({ preset: "all_time" }, WEDNESDAY, UTC, "2030-01-01")).toEqual(["2024-05-15", "2024-05-15", 1]);
  });

  it("starts weeks on Monday: on a Sunday this week is Monday to Sunday, on a Monday it is one day", () => {
    const sunday = new Date("2024-03-10T15:00:00Z");
    expect(days({ preset: "this_week" }, sunday)).toEqual(["2024-03-04", "2024-03-10", 7]);
    expect(days({ preset: "last_week" }, sunday)).toEqual(["2024-02-26", "2024-03-03", 7]);
    const monday = new Date("2024-03-11T15:00:00Z");
    expect(days({ preset: "this_week" }, monday)).toEqual(["2024-03-11", "2024-03-11", 1]);
    expect(days({ preset: "last_week" }, monday)).toEqual(["2024-03-04", "2024-03-10", 7]);
  });

  it("crosses year boundaries in January", () => {
    const january = new Date("2025-01-02T12:00:00Z");
    expect(days({ preset: "last_month" }, january)).toEqual(["2024-12-01", "2024-12-31", 31]);
    expect(days({ preset: "last_quarter" }, january)).toEqual(["2024-10-01", "2024-12-31", 92]);
    expect(days({ preset: "last_week" }, january)).toEqual(["2024-12-23", "2024-12-29", 7]);
    expect(days({ preset: "last_12_months" }, january)).toEqual(["2024-01-01", "2024-12-31", 366]);
  });

  it("makes last 12 months the twelve whole months before this one, never this year, even in December", () => {
    const december = new Date("2026-12-01T08:00:00Z");
    expect(days({ preset: "last_12_months" }, december)).toEqual(["2025-12-01", "2026-11-30", 365]);
    expect(days({ preset: "this_year" }, december)).toEqual(["2026-01-01", "2026-12-01", 335]);
    const range = resolveRange({ preset: "last_12_months" }, { timezone: UTC, now: december });
    expect(dateBuckets(range, "month")).toHaveLength(12);
  });

  it("counts last month in a leap February", () => {
    expect(days({ preset: "last_month" }, new Date("2024-03-05T12:00:00Z"))).toEqual(["2024-02-01", "2024-02-29", 29]);
  });
});

describe("today in the site's timezone", () => {
  it("is still yesterday in New York late in the evening, already tomorrow in Tokyo", () => {
    const now = new Date("2024-03-10T03:30:00Z");
    expect(todayIn(NY, now)).toBe("2024-03-09");
    expect(todayIn("Asia/Tokyo", now)).toBe("2024-03-10");
    expect(days({ preset: "today" }, now, NY)).toEqual(["2024-03-09", "2024-03-09", 1]);
    expect(days({ preset: "yesterday" }, now, "Asia/Tokyo")).toEqual(["2024-03-09", "2024-03-09", 1]);
  });

  it("answers from the kept day exactly as the calendar would, minute by minute, forwards and backwards, across DST", () => {
    // Zones with DST both ways, a half-hour zone, one whose DST change is at midnight, and one far east.
    const zones = [NY, LONDON, "Australia/Adelaide", "America/Santiago", "Asia/Kathmandu", "Pacific/Kiritimati"];
    const start = Date.parse("2024-03-30T00:00:00Z");
    const instants = Array.from({ length: 4 * 24 * 12 }, (_, step) => start + step * 5 * 60_000);
    for (const zone of zones) {
      const expected = (at: number) => new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
      for (const at of [...instants, ...[...instants].reverse()]) expect(todayIn(zone, new Date(at)), `${zone} ${new Date(at).toISOString()}`).toBe(expected(at));
    }
  });

  it("follows New York's clock across the November fall-back (EDT until 06:00 UTC)", () => {
    expect(todayIn(NY, new Date("2024-11-03T03:59:00Z"))).toBe("2024-11-02");
    expect(todayIn(NY, new Date("2024-11-03T04:00:00Z"))).toBe("2024-11-03");
    // After the switch New York is UTC−5: 04:59 UTC on the 4th is still the 3rd.
    expect(todayIn(NY, new Date("2024-11-04T04:59:00Z"))).toBe("2024-11-03");
    expect(todayIn(NY, new Date("2024-11-04T05:00:00Z"))).toBe("2024-11-04");
  });

  it("follows New York's clock across the March spring-forward (EST until 07:00 UTC)", () => {
    expect(todayIn(NY, new Date("2024-03-10T04:59:00Z"))).toBe("2024-03-09");
    expect(todayIn(NY, new Date("2024-03-10T05:00:00Z"))).toBe("2024-03-10");
    expect(todayIn(NY, new Date("2024-03-11T03:59:00Z"))).toBe("2024-03-10");
    expect(todayIn(NY, new Date("2024-03-11T04:00:00Z"))).toBe("2024-03-11");
  });

  it("follows London's summer time (BST is UTC+1)", () => {
    expect(todayIn(LONDON, new Date("2024-06-30T23:30:00Z"))).toBe("2024-07-01");
    expect(todayIn(LONDON, new Date("2024-12-31T23:30:00Z"))).toBe("2024-12-31");
  });

  it("gives the same whole days whatever the process timezone, since days are counted on the calendar", () => {
    // A range across the spring-forward is still 7 days of 00:00:00..23:59:59.
    const range = resolveRange({ preset: "last_7_days" }, { timezone: NY, now: new Date("2024-03-12T16:00:00Z") });
    expect([range.from, range.to, range.days]).toEqual(["2024-03-06 00:00:00", "2024-03-12 23:59:59", 7]);
  });

  it("refuses an unknown timezone", () => {
    expect(() => todayIn("Mars/Olympus_Mons", WEDNESDAY)).toThrow(/Unknown timezone/);
  });
});

describe("resolveGrouping", () => {
  it("picks hourly up to 2 days, daily up to 92, monthly beyond", () => {
    expect([1, 2, 3, 30, 92, 93, 366].map((n) => resolveGrouping("auto", n))).toEqual([
      "hour",
      "hour",
      "day",
      "day",
      "day",
      "month",
      "month",
    ]);
  });

  it("keeps an explicit grouping and turns none into null", () => {
    expect(resolveGrouping("year", 3)).toBe("year");
    expect(resolveGrouping("hour", 7)).toBe("hour");
    expect(resolveGrouping("none", 30)).toBeNull();
  });
});

describe("dateBuckets", () => {
  it("lists every day of a range, across a DST change", () => {
    expect(dateBuckets(rangeFromDays("2024-03-08", "2024-03-12", NY), "day")).toEqual([
      "2024-03-08",
      "2024-03-09",
      "2024-03-10",
      "2024-03-11",
      "2024-03-12",
    ]);
  });

  it("has 23 hours on New York's spring-forward day, without 02:00", () => {
    const hours = dateBuckets(rangeFromDays("2024-03-10", "2024-03-10", NY), "hour");
    expect(hours).toHaveLength(23);
    expect(hours).not.toContain("2024-03-10 02:00:00");
    expect(hours.slice(0, 3)).toEqual(["2024-03-10 00:00:00", "2024-03-10 01:00:00", "2024-03-10 03:00:00"]);
    expect(hours.at(-1)).toBe("2024-03-10 23:00:00");
  });

  it("has one 01:00 bucket on New York's fall-back day (its two hours share a label)", () => {
    const hours = dateBuckets(rangeFromDays("2024-11-03", "2024-11-03", NY), "hour");
    expect(hours).toHaveLength(24);
    expect(hours.filter((h) => h === "2024-11-03 01:00:00")).toHaveLength(1);
  });

  it("skips London's 01:00 in March and keeps 24 labels in October", () => {
    const march = dateBuckets(rangeFromDays("2024-03-31", "2024-03-31", LONDON), "hour");
    expect(march).toHaveLength(23);
    expect(march).not.toContain("2024-03-31 01:00:00");
    expect(dateBuckets(rangeFromDays("2024-10-27", "2024-10-27", LONDON), "hour")).toHaveLength(24);
  });

  it("lists 168 hours for an ordinary week", () => {
    expect(dateBuckets(rangeFromDays("2024-05-06", "2024-05-12", NY), "hour")).toHaveLength(168);
  });

  it("lists months and years touched by the range", () => {
    expect(dateBuckets(rangeFromDays("2023-06-01", "2024-05-15", UTC), "month")).toHaveLength(12);
    expect(dateBuckets(rangeFromDays("2023-11-20", "2024-02-03", UTC), "month")).toEqual([
      "2023-11",
      "2023-12",
      "2024-01",
      "2024-02",
    ]);
    expect(dateBuckets(rangeFromDays("2022-07-01", "2024-03-15", UTC), "year")).toEqual(["2022", "2023", "2024"]);
  });
});

describe("bucketKey", () => {
  it("reads Fathom's date at any precision into the canonical bucket", () => {
    expect(bucketKey("2024-01-15", "day")).toBe("2024-01-15");
    expect(bucketKey("2024-01-15 00:00:00", "day")).toBe("2024-01-15");
    expect(bucketKey("2024-01-15 13:00:00", "hour")).toBe("2024-01-15 13:00:00");
    expect(bucketKey("2024-01-15 13", "hour")).toBe("2024-01-15 13:00:00");
    expect(bucketKey("2024-01", "month")).toBe("2024-01");
    expect(bucketKey("2024-01-01", "month")).toBe("2024-01");
    expect(bucketKey("2024", "year")).toBe("2024");
    expect(bucketKey("2024-01-01 00:00:00", "year")).toBe("2024");
  });

  it("returns null for text that is not a date at the needed precision", () => {
    expect(bucketKey("yesterday", "day")).toBeNull();
    expect(bucketKey("2024", "month")).toBeNull();
    expect(bucketKey("2024-01", "day")).toBeNull();
  });
});
