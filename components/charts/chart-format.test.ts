import { describe, expect, it } from "vitest";
import { durationTick, durationTicks, metricTick, namedValue, valueAxis } from "./chart-format";

describe("axis ticks", () => {
  it("are short: compact counts, percentages, minutes and seconds, money in its currency", () => {
    expect([950, 1234, 3_400_000].map(metricTick("visits"))).toEqual(["950", "1.2K", "3.4M"]);
    expect([0, 0.25, 0.125].map(metricTick("bounce_rate"))).toEqual(["0%", "25%", "12.5%"]);
    expect([0, 45, 60, 90, 3600, 5400].map(metricTick("avg_duration"))).toEqual(["0s", "45s", "1m", "1m 30s", "1h", "1h 30m"]);
    expect(metricTick("value", "euro")(340_000)).toBe("€3.4K");
    expect(durationTick(-1)).toBe("");
  });

  it("fall on round durations, at most five", () => {
    expect(durationTicks(100)).toEqual([0, 30, 60, 90, 120]);
    expect(durationTicks(200)).toEqual([0, 60, 120, 180, 240]);
    expect(durationTicks(40)).toEqual([0, 10, 20, 30, 40]);
    expect(durationTicks(0)).toBeUndefined();
  });

  it("are whole numbers for counts, fractions for rates, and set for durations", () => {
    expect(valueAxis("visits", null, [3, 4]).allowDecimals).toBe(false);
    // A bounce rate is 0..1: whole-number ticks would be 0% and 100% only.
    expect(valueAxis("bounce_rate", null, [0.4, 0.6]).allowDecimals).toBe(true);
    expect(valueAxis("avg_duration", null, [95, undefined, 30])).toMatchObject({ ticks: [0, 30, 60, 90, 120], domain: [0, 120] });
  });
});

describe("tooltip values", () => {
  it("name their metric, in the table's format", () => {
    expect(namedValue("visits", 1234)).toBe("Visits: 1,234");
    expect(namedValue("avg_duration", 125)).toBe("Avg. time on site: 2m 05s");
    expect(namedValue("bounce_rate", undefined)).toBe("Bounce rate: —");
  });
});
