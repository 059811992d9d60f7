import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DATE_PRESETS, type DateRange } from "./date-presets";
import { comparisonRange, type ComparisonKind } from "./comparison-range";
import { dateBuckets, rangeFromDays, resolveRange } from "./resolve-range";

const UTC = "UTC";
const NY = "America/New_York";
// Tuesday 1 December 2026, 05:20 in New York.
const DEC_1 = new Date("2026-12-01T10:20:00Z");
// A Wednesday.
const WEDNESDAY = new Date("2024-05-15T12:00:00Z");

function compared(preset: DateRange["preset"] | DateRange, compare: ComparisonKind = "previous_period", now = DEC_1, timezone = NY) {
  const range = typeof preset === "string" ? ({ preset } as DateRange) : preset;
  const resolved = resolveRange(range, { timezone, now });
  const previous = comparisonRange(resolved, compare, { preset: range.preset, now });
  return [previous.startDate, previous.endDate, previous.from, previous.to];
}

function weekday(date: string) {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

describe("previous period: the preceding period of the same kind", () => {
  it.each([
    ["last_month", "2026-10-01", "2026-10-31"],
    ["this_month", "2026-11-01", "2026-11-01"],
    ["last_quarter", "2026-04-01", "2026-06-30"],
    ["this_quarter", "2026-07-01", "2026-09-01"],
    ["last_year", "2024-01-01", "2024-12-31"],
    ["this_year", "2025-01-01", "2025-12-01"],
    ["last_week", "2026-11-16", "2026-11-22"],
    ["this_week", "2026-11-23", "2026-11-24"],
    ["yesterday", "2026-11-29", "2026-11-29"],
    ["last_7_days", "2026-11-18", "2026-11-24"],
    ["last_30_days", "2026-10-03", "2026-11-01"],
    ["last_12_months", "2024-12-01", "2025-11-30"],
  ] as const)("%s on 1 December 2026 compares with %s..%s", (preset, start, end) => {
    const [startDate, endDate, from, to] = compared(preset);
    expect([startDate, endDate]).toEqual([start, end]);
    expect(from).toBe(`${start} 00:00:00`);
    expect(to).toBe(`${end} 23:59:59`);
  });

  it("compares this month so far with the same days of last month, clamped to its last day", () => {
    const march31 = new Date("2025-03-31T12:00:00Z");
    expect(compared("this_month", "previous_period", march31, UTC).slice(0, 2)).toEqual(["2025-02-01", "2025-02-28"]);
    const may15 = new Date("2024-05-15T12:00:00Z");
    expect(compared("this_quarter", "previous_period", may15, UTC).slice(0, 2)).toEqual(["2024-01-01", "2024-02-15"]);
    // 31 December is further into Q4 than any day of Q3 after 30 September: clamped to the quarter's end.
    expect(compared("this_quarter", "previous_period", new Date("2024-12-31T12:00:00Z"), UTC).slice(0, 2)).toEqual(["2024-07-01", "2024-09-30"]);
  });

  it("compares custom dates with as many days just before them", () => {
    expect(compared({ preset: "custom", from: "2026-11-10", to: "2026-11-19" }).slice(0, 2)).toEqual(["2026-10-31", "2026-11-09"]);
  });

  it("compares today so far with yesterday up to the same hour, in the site's timezone", () => {
    expect(compared("today")).toEqual(["2026-11-30", "2026-11-30", "2026-11-30 00:00:00", "2026-11-30 05:59:59"]);
    expect(compared("today", "previous_period_weekday")).toEqual(["2026-11-24", "2026-11-24", "2026-11-24 00:00:00", "2026-11-24 05:59:59"]);
    expect(compared("today", "previous_year")).toEqual(["2025-12-01", "2025-12-01", "2025-12-01 00:00:00", "2025-12-01 05:59:59"]);
  });

  it("lists only the compared hours of a partial day", () => {
    const today = resolveRange({ preset: "today" }, { timezone: NY, now: DEC_1 });
    const previous = comparisonRange(today, "previous_period", { preset: "today", now: DEC_1 });
    expect(dateBuckets(previous, "hour")).toEqual([0, 1, 2, 3, 4, 5].map((hour) => `2026-11-30 0${hour}:00:00`));
  });

  it("never overlaps the range and ends the day before it starts, for every preset but the weekday match", () => {
    for (const preset of DATE_PRESETS.filter((name) => name !== "all_time")) {
      const resolved = resolveRange({ preset }, { timezone: UTC, now: WEDNESDAY });
      const previous = comparisonRange(resolved, "previous_period", { preset, now: WEDNESDAY });
      expect(previous.endDate < resolved.startDate, preset).toBe(true);
    }
  });
});

describe("previous period matching day of week", () => {
  it("shifts 30 days back by 5 whole weeks, so Wednesdays line up", () => {
    const range = resolveRange({ preset: "last_30_days" }, { timezone: UTC, now: WEDNESDAY });
    const previous = comparisonRange(range, "previous_period_weekday", { preset: "last_30_days", now: WEDNESDAY });
    expect([previous.startDate, previous.endDate, previous.days]).toEqual(["2024-03-12", "2024-04-10", 30]);
    expect(weekday(previous.endDate)).toBe(weekday(range.endDate));
  });

  it("always keeps the length and weekday, never overlaps, and leaves a gap under a week", () => {
    const dayMs = 86_400_000;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 1, max: 800 }), (startOffset, length) => {
        const start = new Date(Date.UTC(2000, 0, 1) + startOffset * dayMs).toISOString().slice(0, 10);
        const end = new Date(Date.UTC(2000, 0, 1) + (startOffset + length - 1) * dayMs).toISOString().slice(0, 10);
        const range = rangeFromDays(start, end, UTC);
        const previous = comparisonRange(range, "previous_period_weekday", { preset: "custom", now: WEDNESDAY });
        expect(previous.days).toBe(length);
        expect(weekday(previous.startDate)).toBe(weekday(start));
        expect(previous.endDate < start).toBe(true);
        const gap = (Date.parse(start) - Date.parse(previous.endDate)) / dayMs - 1;
        expect(gap).toBeGreaterThanOrEqual(0);
        expect(gap).toBeLessThan(7);
      }),
    );
  });
});

describe("previous year", () => {
  it("compares with the same dates a year earlier, 29 February becoming 28 February", () => {
    const range = rangeFromDays("2024-02-01", "2024-02-29", UTC);
    const previous = comparisonRange(range, "previous_year", { preset: "custom", now: WEDNESDAY });
    expect([previous.startDate, previous.endDate, previous.days]).toEqual(["2023-02-01", "2023-02-28", 28]);
  });
});
