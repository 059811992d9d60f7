import { describe, expect, it } from "vitest";
import { shareStateOf } from "./share-state";

const now = new Date("2026-05-01T10:00:00.000Z");
const open = { paused: false, revokedAt: null, expiresAt: null };

describe("shareStateOf", () => {
  it("is active when nothing stops it, and paused while paused", () => {
    expect(shareStateOf(open, now)).toBe("active");
    expect(shareStateOf({ ...open, expiresAt: "2026-05-01T10:00:01.000Z" }, now)).toBe("active");
    expect(shareStateOf({ ...open, paused: true }, now)).toBe("paused");
  });

  it("expires at the expiry instant itself, whatever offset it was written with", () => {
    expect(shareStateOf({ ...open, expiresAt: "2026-05-01T10:00:00.000Z" }, now)).toBe("expired");
    expect(shareStateOf({ ...open, expiresAt: "2026-05-01T11:59:00+02:00" }, now)).toBe("expired");
    expect(shareStateOf({ ...open, expiresAt: "2026-05-01T12:01:00+02:00" }, now)).toBe("active");
  });

  it("says revoked over expired, and expired over paused", () => {
    const past = "2026-04-01T00:00:00.000Z";
    expect(shareStateOf({ paused: true, revokedAt: past, expiresAt: past }, now)).toBe("revoked");
    expect(shareStateOf({ paused: true, revokedAt: null, expiresAt: past }, now)).toBe("expired");
  });
});
