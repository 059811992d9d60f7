import { describe, expect, it } from "vitest";
import fixtures from "./php-reference/fixtures.json";
import { wallTimeToEpochSeconds } from "./time-zone";

const wallMs = (wall: string) => Date.parse(`${wall.replace(" ", "T")}Z`);

describe("wallTimeToEpochSeconds reads a wall time as PHP's DateTime does", () => {
  it("agrees with PHP every 15 minutes around each change of offset in 2026, in zones that change on the hour, the half hour and at midnight", () => {
    const disagreements = fixtures.transitions
      .filter((row) => wallTimeToEpochSeconds(row.zone, wallMs(row.wall)) !== row.at)
      .map((row) => `${row.zone} ${row.wall}: PHP ${new Date(row.at * 1000).toISOString()}, simulator ${new Date(wallTimeToEpochSeconds(row.zone, wallMs(row.wall)) * 1000).toISOString()}`);
    expect(disagreements).toEqual([]);
    expect(new Set(fixtures.transitions.map((row) => row.zone)).size).toBe(8);
  });

  it("reads the doubled and the skipped hour as PHP does", () => {
    // New York, 1 Nov 2026: 01:30 happens twice; PHP takes the first (EDT).
    expect(wallTimeToEpochSeconds("America/New_York", wallMs("2026-11-01 01:30:00"))).toBe(Date.parse("2026-11-01T05:30:00Z") / 1000);
    // London, 25 Oct 2026: PHP takes the second 01:30 (GMT).
    expect(wallTimeToEpochSeconds("Europe/London", wallMs("2026-10-25 01:30:00"))).toBe(Date.parse("2026-10-25T01:30:00Z") / 1000);
    // New York, 8 Mar 2026: 02:30 never happens; PHP reads it as 03:30 EDT.
    expect(wallTimeToEpochSeconds("America/New_York", wallMs("2026-03-08 02:30:00"))).toBe(Date.parse("2026-03-08T07:30:00Z") / 1000);
  });
});
