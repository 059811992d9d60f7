// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { reportRunKeys } from "@/components/report/report-run-query";
import type { Aggregate, GroupableField } from "@/lib/query/fathom-fields";
import { defaultReportQuery, queryMessages, type ReportFilter, type ReportQuery } from "@/lib/query/report-query";
import { reportResultSchema, type ReportResult } from "@/lib/query/report-result";
import { FilterRows } from "./filter-rows";
import { MAX_SUGGESTIONS, filterSuggestions } from "./filter-suggestions";

/** A report answer grouped by one field: `rows` are the field's value and the first metric's figure. */
function groupedAnswer(
  field: GroupableField,
  rows: Array<[string | null, number]>,
  { site = "CDBUGS", metrics = ["pageviews"], filters = [] }: { site?: string; metrics?: Aggregate[]; filters?: ReportFilter[] } = {},
): ReportResult {
  const query: ReportQuery = { ...defaultReportQuery(site), metrics, by: [field], grouping: "none", filters };
  return reportResultSchema.parse({
    query,
    range: { from: "2024-05-01 00:00:00", to: "2024-05-14 23:59:59", startDate: "2024-05-01", endDate: "2024-05-14", days: 14, timezone: "UTC", grouping: null, buckets: [] },
    rows: rows.map(([value, figure]) => ({ fields: { [field]: value }, values: Object.fromEntries(metrics.map((metric) => [metric, figure])) })),
    totals: {},
    currency: null,
    milestones: [],
    meta: { fetchedAt: "2024-05-15T10:00:00.000Z", cached: false, stale: false, upstreamCalls: 1 },
  });
}

/** Puts answers in the cache as a report run does (Explore's own key). */
function cache(client: QueryClient, ...answers: ReportResult[]) {
  for (const answer of answers) client.setQueryData(reportRunKeys.run(answer.query, true), answer);
}

function Harness({ filters = [] }: { filters?: ReportFilter[] }) {
  const [value, setValue] = useState<ReportQuery>({ ...defaultReportQuery("CDBUGS"), filters });
  return <FilterRows value={value} onChange={setValue} messages={queryMessages(value)} />;
}

const fetchSpy = vi.fn(async () => Response.json({}));
beforeEach(() => {
  fetchSpy.mockClear();
  vi.stubGlobal("fetch", fetchSpy);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderRows(client: QueryClient, filters?: ReportFilter[]) {
  return render(
    <QueryClientProvider client={client}>
      <Harness filters={filters} />
    </QueryClientProvider>,
  );
}

/** The values the input's datalist offers, in order. */
function suggested(input: HTMLElement): string[] {
  const list = document.getElementById(input.getAttribute("list") ?? "");
  return list ? within(list).queryAllByRole("option", { hidden: true }).map((option) => (option as HTMLOptionElement).value) : [];
}

describe("filter value suggestions", () => {
  it("offers the pages an answer in the cache was grouped by, largest first, without asking for anything", async () => {
    const user = userEvent.setup();
    const client = new QueryClient();
    cache(
      client,
      groupedAnswer("pathname", [["/pricing", 900], ["/blog", 1200], [null, 50], ["", 40], [" ", 30], ["/about", 300]]),
      groupedAnswer("pathname", [["/elsewhere", 5000]], { site: "ZXCVBN" }),
    );
    renderRows(client);
    await user.click(screen.getByRole("button", { name: "Add filter" }));

    const value = screen.getByRole("combobox", { name: "Filter 1 value" });
    expect(suggested(value)).toEqual(["/blog", "/pricing", "/about"]);
    await user.type(value, "/blog");
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it("is a plain typed field for a property nothing in the cache knows", async () => {
    const user = userEvent.setup();
    const client = new QueryClient();
    cache(client, groupedAnswer("pathname", [["/pricing", 900]]));
    renderRows(client);
    await user.click(screen.getByRole("button", { name: "Add filter" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "Filter 1 property" }), "referrer_hostname");

    const value = screen.getByRole("textbox", { name: "Filter 1 value" });
    expect(value.hasAttribute("list")).toBe(false);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it("is a plain typed field without a query client at all", () => {
    render(<Harness filters={[{ property: "pathname", operator: "is", value: "" }]} />);
    expect(screen.getByRole("textbox", { name: "Filter 1 value" }).hasAttribute("list")).toBe(false);
  });

  it("offers values earlier reports filtered on, and picks up an answer that arrives later", async () => {
    const client = new QueryClient();
    cache(client, groupedAnswer("pathname", [["/pricing", 900]], { filters: [{ property: "utm_source", operator: "is", value: "newsletter" }] }));
    renderRows(client, [{ property: "utm_source", operator: "is not", value: "" }]);
    const value = () => screen.getByRole("combobox", { name: "Filter 1 value" });
    expect(suggested(value())).toEqual(["newsletter"]);

    act(() => cache(client, groupedAnswer("utm_source", [["twitter", 40]], { metrics: ["visits"] })));
    expect(suggested(value())).toEqual(["twitter", "newsletter"]);
  });
});

describe("filterSuggestions", () => {
  it("ranks by a count rather than a rate, keeps each value's largest figure, and stops at the cap", () => {
    const rates = groupedAnswer("pathname", [["/a", 0.9], ["/b", 0.1]], { metrics: ["bounce_rate", "visits"] });
    // The fixture gives both metrics one figure: the visits, ranked by, go the other way.
    rates.rows[0]!.values.visits = 10;
    rates.rows[1]!.values.visits = 20;
    expect(filterSuggestions([rates], "pathname", { pattern: false })).toEqual(["/b", "/a"]);
    const again = groupedAnswer("pathname", [["/a", 50]]);
    expect(filterSuggestions([rates, again], "pathname", { pattern: false })).toEqual(["/a", "/b"]);

    const many = groupedAnswer("pathname", Array.from({ length: 80 }, (_, index) => [`/page-${index}`, index]));
    const offered = filterSuggestions([many], "pathname", { pattern: false });
    expect(offered).toHaveLength(MAX_SUGGESTIONS);
    expect(offered[0]).toBe("/page-79");
  });

  it("offers a pattern typed before only to a pattern filter, and literal values to every operator", () => {
    const answer = groupedAnswer("pathname", [["/blog/2024", 10]], {
      filters: [
        { property: "pathname", operator: "matching", value: "^/blog/" },
        { property: "pathname", operator: "is like", value: "pricing" },
        { property: "hostname", operator: "is", value: "acme.com" },
      ],
    });
    expect(filterSuggestions([answer], "pathname", { pattern: false })).toEqual(["/blog/2024", "pricing"]);
    expect(filterSuggestions([answer], "pathname", { pattern: true })).toEqual(["/blog/2024", "^/blog/", "pricing"]);
    expect(filterSuggestions([answer], "domain", { pattern: false })).toEqual([]);
  });
});
