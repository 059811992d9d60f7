import { describe, expect, it } from "vitest";
import { ANNOUNCE_GAP_MS, announcementDelay, visitorsSentence } from "./announce";

const T = 1_000_000;

describe("the live region", () => {
  it("announces the first figure at once", () => {
    expect(announcementDelay(null, 12, T)).toBe(0);
  });

  it("stays silent while the figure does not change", () => {
    expect(announcementDelay({ total: 12, at: T }, 12, T + 5 * ANNOUNCE_GAP_MS)).toBeNull();
  });

  it("announces a change at most once a minute", () => {
    expect(announcementDelay({ total: 12, at: T }, 13, T + 15_000)).toBe(ANNOUNCE_GAP_MS - 15_000);
    expect(announcementDelay({ total: 12, at: T }, 13, T + ANNOUNCE_GAP_MS + 1)).toBe(0);
  });

  it("says one visitor or many", () => {
    expect(visitorsSentence(1)).toBe("1 current visitor");
    expect(visitorsSentence(1234)).toBe("1,234 current visitors");
  });
});
