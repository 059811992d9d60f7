// @vitest-environment jsdom
import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { stubChartLayout } from "@/components/charts/test-chart-layout";
import type { ReportQuery } from "@/lib/query/report-query";
import type { ReportResult, ReportRow } from "@/lib/query/report-result";
import { view } from "./test-panel-view";
import { dayRange, pagesResult } from "./test-report-results";

beforeEach(stubChartLayout);
afterEach(cleanup);

const page = (pathname: string, visits: number, bounce: number): ReportRow => ({ fields: { pathname }, values: { visits, bounce_rate: bounce } });

/** Visits and bounce rate by page, compared with 17–30 April. */
function compared(rows: ReportRow[], previous: ReportRow[], query: Partial<ReportQuery> = {}): ReportResult {
  const base = pagesResult([], 0);
  const range = { ...dayRange("2024-04-17", 14), grouping: null, buckets: [] };
  return {
    ...base,
    query: { ...base.query, metrics: ["visits", "bounce_rate"], compare: "previous_period", ...query },
    rows,
    totals: { visits: 2000, bounce_rate: 0.5 },
    comparison: { range, rows: previous, totals: { visits: 1500, bounce_rate: 0.55 } },
  };
}

const ROWS = [page("/", 1234, 0.4), page("/pricing", 300, 0.6), page("/new", 80, 0.5)];
const PREVIOUS = [page("/", 1100, 0.43), page("/pricing", 400, 0.5)];

const row = (name: string) => screen.getByRole("rowheader", { name }).closest("tr")!;
const cells = (name: string) => within(row(name)).getAllByRole("cell");
const spaces = (text: string | null | undefined) => text?.replace(/\s/g, " ");

describe("the change per row", () => {
  it("shows each figure's change beside it, coloured, in points for a rate, and in words for screen readers", () => {
    view({ result: compared(ROWS, PREVIOUS) });
    const [visits, bounce] = cells("/");
    expect(visits!.textContent).toBe("1,234▲ 12.2%, up 12.2% on the previous period");
    const change = visits!.querySelector("[data-row-change]")!;
    expect([change.getAttribute("data-row-change"), change.getAttribute("data-tone")]).toEqual(["change", "good"]);
    expect(change.className).toContain("text-good");
    // Bounce rate down 3 points: good news, in points.
    expect(bounce!.querySelector("[data-row-change]")!.textContent).toBe("▼ 3 pts, down 3 pts on the previous period");
    expect(bounce!.querySelector("[data-tone]")!.className).toContain("text-good");
    // Fewer visits and more bounces on /pricing are bad news.
    expect(cells("/pricing").map((cell) => cell.querySelector("[data-tone]")?.getAttribute("data-tone"))).toEqual(["bad", "bad", undefined]);
  });

  it("calls a row the previous period did not have new, when it had every row", () => {
    view({ result: compared(ROWS, PREVIOUS) });
    const [visits] = cells("/new");
    expect(visits!.querySelector("[data-row-change]")!.getAttribute("data-row-change")).toBe("new");
    expect(visits!.textContent).toBe("80new, new: none in the previous period");
  });

  it("says a row may only have been below the previous period's top N", () => {
    view({ result: compared(ROWS, PREVIOUS, { limit: 2 }) });
    const change = cells("/new")[0]!.querySelector("[data-row-change]")!;
    expect(change.getAttribute("data-row-change")).toBe("unknown");
    expect(change.getAttribute("title")).toBe("Not in the previous period's top 2");
    expect(change.textContent).toBe("—, not in the previous period's top 2");
  });

  it("says what the changes compare with", () => {
    view({ result: compared(ROWS, PREVIOUS) });
    const note = document.querySelector("[data-row-change-note]")!;
    expect(spaces(note.textContent)).toBe("Changes are against the previous period, Apr 17 – 30, 2024.");
    expect(spaces(screen.getByRole("table").querySelector("caption")!.textContent)).toContain("Changes are against the previous period, Apr 17 – 30, 2024.");
  });

  it("shows no change without a comparison, or for a comparison without rows", () => {
    view({ result: { ...compared(ROWS, PREVIOUS, { compare: "none" }), comparison: undefined } });
    expect(document.querySelector("[data-row-change]")).toBeNull();
    cleanup();
    view({ result: compared(ROWS, []) });
    expect(document.querySelector("[data-row-change]")).toBeNull();
    expect(document.querySelector("[data-row-change-note]")).toBeNull();
  });
});
