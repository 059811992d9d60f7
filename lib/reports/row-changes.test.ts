import { describe, expect, it } from "vitest";
import type { ReportRange, ReportRow } from "@/lib/query/report-result";
import { rowComparison, rowKey } from "./row-changes";

const range = (startDate: string, endDate: string): ReportRange => ({
  from: `${startDate} 00:00:00`,
  to: `${endDate} 23:59:59`,
  startDate,
  endDate,
  days: 14,
  timezone: "Europe/Berlin",
  grouping: null,
  buckets: [],
});
const page = (pathname: string | null, visits: number, bounce = 0.5): ReportRow => ({ fields: { pathname }, values: { visits, bounce_rate: bounce } });

function compare(previous: ReportRow[], limit?: number, totals = { visits: 1 }) {
  return rowComparison({
    query: { by: ["pathname"], limit },
    range: { grouping: null },
    comparison: { range: range("2024-04-17", "2024-04-30"), rows: previous, totals, label: "Previous period" },
  });
}

describe("rowComparison", () => {
  it("matches rows by their values and measures each metric's change as the cards do", () => {
    const changes = compare([page("/pricing", 100, 0.6), page("/", 400, 0.4)])!;
    expect(changes.dates.replace(/\s/g, " ")).toBe("Apr 17 – 30, 2024");
    expect(changes.changeOf(page("/pricing", 112, 0.57), "visits")).toEqual({ kind: "change", text: "12%", direction: 1, tone: "good", spoken: "up 12% on the previous period" });
    expect(changes.changeOf(page("/pricing", 112, 0.57), "bounce_rate")).toEqual({ kind: "change", text: "3 pts", direction: -1, tone: "good", spoken: "down 3 pts on the previous period" });
    expect(changes.changeOf(page("/", 400, 0.4), "visits")).toMatchObject({ kind: "change", text: "0%", direction: 0, spoken: "unchanged on the previous period" });
  });

  it("calls a row the comparison lacks new when it has every row, unknown past its top N", () => {
    expect(compare([page("/", 400)])!.changeOf(page("/new", 5), "visits")).toEqual({ kind: "new", spoken: "new: none in the previous period" });
    expect(compare([page("/", 400)], 10)!.changeOf(page("/new", 5), "visits")?.kind).toBe("new");
    expect(compare([page("/", 400), page("/b", 50)], 2)!.changeOf(page("/new", 5), "visits")).toEqual({
      kind: "unknown",
      title: "Not in the previous period's top 2",
      spoken: "not in the previous period's top 2",
    });
  });

  it("matches an empty value with a missing one", () => {
    expect(rowKey(page("", 1), ["pathname"])).toBe(rowKey(page(null, 1), ["pathname"]));
    expect(compare([page(null, 10)])!.changeOf(page("", 20), "visits")?.kind).toBe("change");
  });

  it("is none for a date grouping, no grouped field, or comparison rows missing while the totals had figures", () => {
    const comparison = { range: range("2024-04-17", "2024-04-30"), rows: [], totals: { visits: 100 }, label: "Previous period" };
    expect(rowComparison({ query: { by: ["pathname"] }, range: { grouping: "day" }, comparison })).toBeNull();
    expect(rowComparison({ query: { by: [] }, range: { grouping: null }, comparison })).toBeNull();
    expect(rowComparison({ query: { by: ["pathname"] }, range: { grouping: null }, comparison })).toBeNull();
    expect(rowComparison({ query: { by: ["pathname"] }, range: { grouping: null } })).toBeNull();
    // An empty previous period: every row is new.
    expect(compare([], undefined, { visits: 0 })!.changeOf(page("/", 3), "visits")?.kind).toBe("new");
  });
});
