import { describe, expect, it } from "vitest";
import { mapConcurrently } from "./map-concurrently";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe("mapConcurrently", () => {
  it("keeps the input's order and never runs more than the limit at once", async () => {
    let inFlight = 0;
    let most = 0;
    const result = await mapConcurrently([5, 1, 4, 2, 3], 2, async (n) => {
      inFlight++;
      most = Math.max(most, inFlight);
      for (let i = 0; i < n; i++) await tick();
      inFlight--;
      return n * 10;
    });
    expect(result).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);
  });

  it("starts no new call after a failure and rejects with it", async () => {
    const started: number[] = [];
    await expect(
      mapConcurrently([1, 2, 3, 4, 5], 1, async (n) => {
        started.push(n);
        if (n === 2) throw new Error("boom");
        return n;
      }),
    ).rejects.toThrow("boom");
    expect(started).toEqual([1, 2]);
  });

  it("answers an empty list at once and refuses a pool of no workers", async () => {
    expect(await mapConcurrently([], 3, async () => 1)).toEqual([]);
    await expect(mapConcurrently([1], 0, async () => 1)).rejects.toThrow(RangeError);
  });
});
