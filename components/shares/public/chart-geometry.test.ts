import { describe, expect, it } from "vitest";
import { barPercent, lineSegments, niceCeiling, shortLabel, xAt, xPercent } from "./chart-geometry";

describe("chart geometry", () => {
  it("ends the scale on a round number", () => {
    expect([0, 0.4, 1, 7, 12, 180, 1234, 2600, 9999].map(niceCeiling)).toEqual([1, 0.5, 1, 10, 20, 200, 2000, 5000, 10_000]);
    expect(niceCeiling(Number.NaN)).toBe(1);
  });

  it("spreads buckets across the plot, a lone one in the middle", () => {
    expect([0, 1, 2].map((index) => xAt(index, 3))).toEqual([0, 500, 1000]);
    expect(xAt(0, 1)).toBe(500);
    expect(xAt(5, 30)).toBe(172.41);
    expect(xPercent(14, 30)).toBe("48.28%");
  });

  it("breaks the line where a bucket has no figure, and draws a lone point as a dot", () => {
    expect(lineSegments([0, 50, undefined, 100], 100)).toEqual(["0,100 333.33,50", "1000,0 1000,0"]);
    expect(lineSegments([undefined, undefined], 10)).toEqual([]);
  });

  it("sizes bars against the longest and cuts long labels", () => {
    expect([barPercent(50, 200), barPercent(0, 200), barPercent(5, 0), barPercent(300, 200)]).toEqual([25, 0, 0, 100]);
    expect(shortLabel("/short")).toBe("/short");
    expect(shortLabel("/a/very/long/path/that/goes/on/and/on")).toBe("/a/very/long/path/that/go…");
  });
});
