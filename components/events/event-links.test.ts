import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { siteEventsHref } from "./event-links";

describe("siteEventsHref", () => {
  it("names the site's Events page, a route that exists", () => {
    expect(siteEventsHref("CDBUGS")).toBe("/sites/CDBUGS/events");
    expect(siteEventsHref("a/b")).toBe("/sites/a%2Fb/events");
    expect(existsSync(new URL("../../app/(team)/sites/[siteId]/events/page.tsx", import.meta.url))).toBe(true);
  });
});
