import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addSample, HISTORY_WINDOW_MS, historyRange, type Sample } from "./history";

const T = Date.parse("2026-03-10T12:00:00Z");

describe("the sparkline's history", () => {
  it("keeps one point per server fetch, in time order", () => {
    let history: Sample[] = [];
    history = addSample(history, { at: T, total: 4 }, T);
    history = addSample(history, { at: T, total: 4 }, T); // the same answer polled twice
    history = addSample(history, { at: T + 15_000, total: 6 }, T + 15_000);
    history = addSample(history, { at: T - 5_000, total: 3 }, T + 15_000); // a stale answer arriving late
    expect(history).toEqual([
      { at: T - 5_000, total: 3 },
      { at: T, total: 4 },
      { at: T + 15_000, total: 6 },
    ]);
  });

  it("forgets what is older than 30 minutes", () => {
    let history: Sample[] = [{ at: T, total: 1 }];
    history = addSample(history, { at: T + HISTORY_WINDOW_MS, total: 2 }, T + HISTORY_WINDOW_MS);
    expect(history).toHaveLength(2);
    history = addSample(history, { at: T + HISTORY_WINDOW_MS + 1, total: 3 }, T + HISTORY_WINDOW_MS + 1);
    expect(history.map((point) => point.total)).toEqual([2, 3]);
  });

  it("stays sorted, deduplicated and inside the window whatever arrives", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ at: fc.integer({ min: 0, max: 3 * HISTORY_WINDOW_MS }), total: fc.nat(500) })), (samples) => {
        let history: Sample[] = [];
        let now = 0;
        for (const sample of samples) {
          now = Math.max(now, sample.at);
          history = addSample(history, sample, now);
        }
        const times = history.map((point) => point.at);
        expect(times).toEqual([...new Set(times)].sort((a, b) => a - b));
        expect(times.every((at) => at >= now - HISTORY_WINDOW_MS)).toBe(true);
      }),
    );
  });

  it("gives the lowest and highest figure", () => {
    expect(historyRange([])).toBeNull();
    expect(historyRange([{ at: 1, total: 5 }, { at: 2, total: 2 }, { at: 3, total: 9 }])).toEqual({ min: 2, max: 9 });
  });
});
