import { describe, expect, it } from "vitest";
import { safeNextPath } from "./next-path";

describe("safeNextPath: after sign-in, only paths on this site", () => {
  it.each([
    ["/explore?site=CDBUGS&range=last_7_days", "/explore?site=CDBUGS&range=last_7_days"],
    ["/sites/CDBUGS/milestones", "/sites/CDBUGS/milestones"],
    ["/settings/users#invite", "/settings/users#invite"],
    ["/a/../settings", "/settings"],
  ])("keeps %j", (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it.each([
    "//evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "\\\\evil.example",
    "/.//evil.example",
    "/%2e//evil.example",
    "https://evil.example/explore",
    "javascript:alert(1)",
    "evil.example",
    "",
    "/login",
    "/login?next=/explore",
    "/setup",
    `/${"a".repeat(3000)}`,
  ])("refuses %j", (next) => {
    const target = safeNextPath(next);
    expect(target).toBe("/explore");
    // Whatever comes back, a browser resolves it on this site.
    expect(new URL(target, "https://sounding.example").origin).toBe("https://sounding.example");
  });

  it("never returns a path a browser would read as another host", () => {
    for (const prefix of ["/", "//", "/\t", "/\\", "/./", "/%09", "/%2F"]) {
      const target = safeNextPath(`${prefix}/evil.example/x`);
      expect(new URL(target, "https://sounding.example").host, prefix).toBe("sounding.example");
    }
  });
});
