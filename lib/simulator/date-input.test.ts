import { describe, expect, it } from "vitest";
import { readDateParameter } from "./date-input";
import fixtures from "./php-reference/fixtures.json";

/**
 * What PHP reads but the simulator refuses (400, never misread): words, month names, zone names and
 * abbreviations, two-digit years, a month alone, and the forms PHP reads in ways nobody means
 * ("2026-11-01T 10:00" is 10:00 in military zone T, UTC−7).
 */
const UNSUPPORTED = new Set([
  "1 November 2026",
  "Nov 1 2026",
  "2026-11-01 10am",
  "2026-11-01 +1 day",
  "2026-11-01 10:00:00 EST",
  "2026-11-01 10:00:00 Europe/Paris",
  "first monday of november 2026",
  "Sunday 2026-11-01",
  "2026-11",
  "2026-11-01Z",
  "99-11-01",
  "1/5/26",
  "10000-01-01",
  "2026-011-01",
  "2026-11-01T 10:00",
  "2026-11-01 10:00:00 GMT+2",
  "2026-11-01 10:00:00 UTC+02:00",
]);

type Zones = Record<string, { from: number; to: number }>;

describe("readDateParameter reads date_from and date_to as Fathom's PHP does", () => {
  const accepted = fixtures.dates.filter((row) => row.valid && !UNSUPPORTED.has(row.text));
  const refused = fixtures.dates.filter((row) => !row.valid || UNSUPPORTED.has(row.text));

  it.each(accepted.map((row) => [row.text, row.zones as Zones] as const))("%j: the same instants as PHP in every zone", (text, zones) => {
    for (const [zone, php] of Object.entries(zones)) {
      expect({ zone, from: readDateParameter(text, zone, "start"), to: readDateParameter(text, zone, "end") }).toEqual({ zone, ...php });
    }
  });

  it.each(refused.map((row) => [row.text] as const))("%j: refused", (text) => {
    expect(readDateParameter(text, "America/New_York", "start")).toBeNull();
  });

  it("lists as unsupported only what PHP does read (so the list cannot hide a refusal PHP would make)", () => {
    for (const text of UNSUPPORTED) expect({ text, valid: fixtures.dates.find((row) => row.text === text)?.valid }).toEqual({ text, valid: true });
  });

  it("covers what clients send: a date alone, ISO 8601 with Z or an offset, and DST's missing and doubled hours", () => {
    const valid = new Set(accepted.map((row) => row.text));
    for (const text of ["2026-11-01", "2026-11-01T09:58:30.142Z", "2026-11-01T09:58:30+02:00", "2026-03-08 02:30:00", "2026-11-01 01:30:00", "2026-03-29 01:30:00"]) {
      expect(valid.has(text)).toBe(true);
    }
    // A date alone runs from its first second to its last, in the zone asked for.
    expect(readDateParameter("2026-11-01", "America/New_York", "start")).toBe(Date.parse("2026-11-01T04:00:00Z") / 1000);
    expect(readDateParameter("2026-11-01", "America/New_York", "end")).toBe(Date.parse("2026-11-02T04:59:59Z") / 1000);
  });
});
