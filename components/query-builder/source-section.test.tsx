// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { defaultReportQuery, type ReportQuery } from "@/lib/query/report-query";
import type { BuilderSite } from "./builder-site";
import { SourceSection } from "./source-section";

afterEach(cleanup);

// jsdom has no layout: radix measures its toggle group with a ResizeObserver, which only has to exist here.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

const SITE: BuilderSite = { id: "CD/BUGS", name: "Acme blog", timezone: null, events: [{ id: "E1", name: "Purchase", currency: null }] };

describe("SourceSection", () => {
  it("points at the site's Events page, where a currency is set, when Fathom never said one", () => {
    const query: ReportQuery = { ...defaultReportQuery(SITE.id), entity: "event", event: "Purchase", metrics: ["value"] };
    render(<SourceSection value={query} onChange={() => {}} messages={{}} sites={[SITE]} />);
    const link = screen.getByRole("link", { name: "site's Events page" });
    expect(link.getAttribute("href")).toBe("/sites/CD%2FBUGS/events");
    // The hint is the event select's description.
    const hint = link.closest("p")!;
    expect(screen.getByRole("combobox", { name: "Event" }).getAttribute("aria-describedby")).toContain(hint.id);
  });
});
