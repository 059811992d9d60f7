import { describe, expect, it } from "vitest";
import { decodeReportQuery } from "@/lib/query/url-codec";
import { eventReportHref, milestoneChartHref } from "./explore-links";

const decode = (href: string) => decodeReportQuery(new URL(href, "http://x").searchParams);

describe("links to /explore", () => {
  it("opens a daily chart two weeks either side of a milestone", () => {
    const href = milestoneChartHref("CDBUGS", "2024-03-01", "2024-06-01")!;
    expect(href).toBe("/explore?site=CDBUGS&range=2024-02-16..2024-03-15&group=day");
    const decoded = decode(href);
    expect(decoded.ok && decoded.query.range).toEqual({ preset: "custom", from: "2024-02-16", to: "2024-03-15" });
  });

  it("never reaches past today, and has no chart for a milestone still to come", () => {
    expect(milestoneChartHref("CDBUGS", "2024-05-25", "2024-06-01")).toBe("/explore?site=CDBUGS&range=2024-05-11..2024-06-01&group=day");
    expect(milestoneChartHref("CDBUGS", "2024-06-02", "2024-06-01")).toBeNull();
  });

  it("reports on an event by its name, with the event entity selected", () => {
    const href = eventReportHref("CDBUGS", "Signed up & paid");
    expect(href).toMatch(/^\/explore\?site=CDBUGS&entity=event&event=Signed%20up%20%26%20paid$/);
    const decoded = decode(href);
    expect(decoded.ok && { entity: decoded.query.entity, event: decoded.query.event }).toEqual({ entity: "event", event: "Signed up & paid" });
  });
});
