import { describe, expect, it } from "vitest";
import type { ReportRange } from "@/lib/query/report-result";
import { drawnPoints, partialBucket, partialNote } from "./partial-bucket";

const range = (grouping: ReportRange["grouping"], buckets: string[], endDate: string): Pick<ReportRange, "grouping" | "buckets" | "endDate" | "timezone"> => ({
  grouping,
  buckets,
  endDate,
  timezone: "Europe/Berlin",
});
/** 12:03 in Berlin on 15 May 2024. */
const NOW = new Date("2024-05-15T10:03:00Z");

describe("partialBucket", () => {
  it("is the bucket holding now, while the range runs", () => {
    expect(partialBucket(range("day", ["2024-05-14", "2024-05-15"], "2024-05-15"), NOW)).toBe("2024-05-15");
    expect(partialBucket(range("month", ["2024-04", "2024-05"], "2024-05-15"), NOW)).toBe("2024-05");
    expect(partialBucket(range("hour", ["2024-05-15 11:00:00", "2024-05-15 12:00:00", "2024-05-15 13:00:00"], "2024-05-15"), NOW)).toBe("2024-05-15 12:00:00");
  });

  it("is none for a closed range, even when its last month is this month", () => {
    expect(partialBucket(range("day", ["2024-05-13", "2024-05-14"], "2024-05-14"), NOW)).toBeNull();
    expect(partialBucket(range("month", ["2024-04", "2024-05"], "2024-05-14"), NOW)).toBeNull();
    expect(partialBucket(range(null, [], "2024-05-15"), NOW)).toBeNull();
  });

  it("is said per grouping and chart", () => {
    expect(partialNote("line", "day")).toBe("Dashed: today so far");
    expect(partialNote("bar", "month")).toBe("Lighter bar: this month so far");
    expect(partialNote("area", "hour")).toBe("Dashed: this hour so far");
  });
});

describe("drawnPoints", () => {
  const points = [
    { bucket: "a", value: 10 },
    { bucket: "b", value: 12 },
    { bucket: "c", value: 3 },
    { bucket: "d" },
  ];

  it("runs the solid line to the last whole bucket and a dashed one from there to the partial one", () => {
    const drawn = drawnPoints(points, "c", "line");
    expect(drawn.map((point) => [point.complete, point.partial, point.isPartial ?? false])).toEqual([
      [10, undefined, false],
      [12, 12, false],
      [undefined, 3, true],
      [undefined, undefined, false],
    ]);
  });

  it("marks only the partial bar", () => {
    expect(drawnPoints(points, "c", "bar").map((point) => point.partial)).toEqual([undefined, undefined, 3, undefined]);
  });

  it("marks nothing without a partial bucket, or when it has no figure", () => {
    for (const partial of [null, "d", "zz"]) {
      const drawn = drawnPoints(points, partial, "line");
      expect(drawn.some((point) => point.isPartial || point.partial !== undefined), String(partial)).toBe(false);
      expect(drawn.map((point) => point.complete)).toEqual([10, 12, 3, undefined]);
    }
  });
});
