// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { defaultReportQuery, type ReportQuery } from "@/lib/query/report-query";
import type { BuilderSite } from "./builder-site";
import { QueryBuilder } from "./query-builder";

afterEach(cleanup);

// jsdom has no layout: radix measures its checkboxes with a ResizeObserver, which only has to exist here.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

const SITES: BuilderSite[] = [
  { id: "CDBUGS", name: "Acme blog", timezone: "Europe/London", events: [{ id: "E1", name: "Signup", currency: null }, { id: "E2", name: "Purchase", currency: "dollar" }] },
  { id: "ZXCVBN", name: "Acme shop", timezone: "America/New_York", events: [{ id: "E3", name: "Purchase", currency: null }] },
];

/** The builder as a page uses it: the page holds the value; Run reports the query it was given. */
function Harness({ initial = defaultReportQuery("CDBUGS"), onRun }: { initial?: ReportQuery; onRun: (query: ReportQuery) => void }) {
  const [value, setValue] = useState(initial);
  return <QueryBuilder value={value} onChange={setValue} onRun={onRun} sites={SITES} />;
}

function setup(initial?: ReportQuery) {
  const onRun = vi.fn();
  const user = userEvent.setup();
  render(<Harness initial={initial} onRun={onRun} />);
  return { user, onRun, run: () => screen.getByRole("button", { name: /run report/i }) };
}

const EMPTY = "Type a value to filter on";

function optionLabels(select: HTMLElement) {
  return within(select).getAllByRole("option").map((option) => option.textContent);
}

describe("QueryBuilder", () => {
  it("offers only the operators Fathom allows on the chosen property, and resets one it doesn't", async () => {
    const { user } = setup();
    await user.click(screen.getByRole("button", { name: "Add filter" }));
    const operator = screen.getByRole("combobox", { name: "Filter 1 operator" });
    expect(optionLabels(operator)).toEqual(["is", "is not", "contains", "does not contain", "matches pattern", "does not match pattern"]);

    await user.selectOptions(operator, "is like");
    await user.selectOptions(screen.getByRole("combobox", { name: "Filter 1 property" }), "device_type");
    expect(optionLabels(screen.getByRole("combobox", { name: "Filter 1 operator" }))).toEqual(["is", "is not"]);
    expect(screen.getByRole("combobox", { name: "Filter 1 operator" })).toHaveProperty("value", "is");

    await user.selectOptions(screen.getByRole("combobox", { name: "Filter 1 property" }), "utm_source");
    expect(optionLabels(screen.getByRole("combobox", { name: "Filter 1 operator" }))).toHaveLength(6);
  });

  it("refuses to run and says why, beside the control at fault, for hourly over 30 days", async () => {
    const { user, onRun, run } = setup();
    expect(run().getAttribute("aria-disabled")).toBeNull();

    const grouping = screen.getByRole("combobox", { name: "Date grouping" });
    await user.selectOptions(grouping, "hour");

    const reason = /Hourly needs a range of 7 days or less/;
    expect(run().getAttribute("aria-disabled")).toBe("true");
    const describedBy = grouping.getAttribute("aria-describedby") ?? "";
    const besideGrouping = describedBy.split(" ").map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
    expect(besideGrouping).toMatch(reason);
    expect(grouping.getAttribute("aria-invalid")).toBe("true");
    // The summary beside Run lists the same reason, and Run points at it.
    const summary = document.getElementById(run().getAttribute("aria-describedby") ?? "");
    expect(summary?.textContent).toMatch(reason);

    await user.keyboard("{Control>}{Enter}{/Control}");
    // Refused, not disabled: pressed, it keeps the focus and runs nothing.
    await user.click(run());
    expect(document.activeElement).toBe(run());
    expect(onRun).not.toHaveBeenCalled();

    await user.selectOptions(screen.getByRole("combobox", { name: "Date range" }), "last_7_days");
    expect(run().getAttribute("aria-disabled")).toBeNull();
    expect(screen.queryByText(reason)).toBeNull();
  });

  it("checks a pattern as a regular expression before anything is sent", async () => {
    const { user, run } = setup();
    await user.click(screen.getByRole("button", { name: "Add filter" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "Filter 1 operator" }), "matching");
    await user.type(screen.getByRole("textbox", { name: "Filter 1 value" }), "^/blog/(2024");
    expect(run().getAttribute("aria-disabled")).toBe("true");
    expect(screen.getAllByText(/isn't a valid regular expression/).length).toBeGreaterThan(0);

    await user.type(screen.getByRole("textbox", { name: "Filter 1 value" }), ")");
    expect(run().getAttribute("aria-disabled")).toBeNull();
  });

  it("keeps a new, untouched filter row's problem out of the summary until a run is tried", async () => {
    const { user, onRun, run } = setup();
    await user.click(screen.getByRole("button", { name: "Add filter" }));
    expect(screen.queryByText(EMPTY)).toBeNull();
    expect(screen.queryByText("Fix this to run the report:")).toBeNull();
    expect(run().getAttribute("aria-disabled")).toBeNull();

    // Run, pressed, runs nothing: it shows what is missing, beside the row and beside Run.
    await user.click(run());
    expect(onRun).not.toHaveBeenCalled();
    const value = screen.getByRole("textbox", { name: "Filter 1 value" });
    expect(value.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(run().getAttribute("aria-describedby") ?? "")?.textContent).toContain(EMPTY);
    expect(run().getAttribute("aria-disabled")).toBe("true");

    // Fixed, then another row: that one waits to be touched again.
    await user.type(value, "/pricing");
    expect(run().getAttribute("aria-disabled")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Add filter" }));
    expect(screen.queryByText(EMPTY)).toBeNull();
  });

  it("shows a new row's problem on Ctrl+Enter, before its value is typed", async () => {
    const { user, onRun } = setup();
    await user.click(screen.getByRole("button", { name: "Add filter" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "Filter 1 property" }), "utm_source");
    await user.keyboard("{Control>}{Enter}{/Control}");
    expect(onRun).not.toHaveBeenCalled();
    expect(screen.getByText("Fix this to run the report:").parentElement?.textContent).toContain(EMPTY);
    expect(screen.getByRole("textbox", { name: "Filter 1 value" }).getAttribute("aria-invalid")).toBe("true");
  });

  it("runs on Ctrl+Enter and Cmd+Enter from any control, with the query as shown", async () => {
    const { user, onRun } = setup();
    await user.click(screen.getByRole("button", { name: "Add filter" }));
    await user.type(screen.getByRole("textbox", { name: "Filter 1 value" }), "/pricing");
    await user.keyboard("{Control>}{Enter}{/Control}");
    expect(onRun).toHaveBeenCalledTimes(1);
    expect(onRun.mock.calls[0]![0]).toMatchObject({
      site: "CDBUGS",
      filters: [{ property: "pathname", operator: "is", value: "/pricing" }],
    });

    screen.getByRole("combobox", { name: "Date grouping" }).focus();
    await user.keyboard("{Meta>}{Enter}{/Meta}");
    expect(onRun).toHaveBeenCalledTimes(2);
  });

  it("runs from the Run button", async () => {
    const { user, onRun, run } = setup();
    await user.click(run());
    expect(onRun).toHaveBeenCalledWith(defaultReportQuery("CDBUGS"));
  });

  it("switches to an event: lists the site's events and only event metrics", async () => {
    const { user, onRun, run } = setup();
    await user.click(screen.getByRole("radio", { name: "Events" }));
    const event = screen.getByRole("combobox", { name: "Event" });
    expect(optionLabels(event)).toEqual(["Signup", "Purchase"]);
    expect(screen.getByRole("checkbox", { name: "Value" })).toBeTruthy();
    expect(screen.queryByRole("checkbox", { name: "Visits" })).toBeNull();

    await user.selectOptions(event, "Purchase");
    await user.click(run());
    expect(onRun.mock.calls[0]![0]).toMatchObject({ entity: "event", event: "Purchase", metrics: ["conversions", "unique_conversions", "value"] });
  });

  it("keeps the event when the other site has one of that name", async () => {
    const { user, onRun, run } = setup({ ...defaultReportQuery("CDBUGS"), entity: "event", event: "Purchase", metrics: ["conversions"] });
    await user.selectOptions(screen.getByRole("combobox", { name: "Site" }), "ZXCVBN");
    await user.click(run());
    expect(onRun.mock.calls[0]![0]).toMatchObject({ site: "ZXCVBN", event: "Purchase" });
  });

  it("groups by several fields and drops a sort on a field no longer grouped", async () => {
    const { user, onRun, run } = setup();
    const add = () => screen.getByRole("combobox", { name: "Add a field to group by" });
    await user.selectOptions(add(), "pathname");
    await user.selectOptions(add(), "country_code");
    expect(within(add()).queryByRole("option", { name: "Page" })).toBeNull();

    await user.selectOptions(screen.getByRole("combobox", { name: "Sort by" }), "country_code");
    await user.click(screen.getByRole("button", { name: "Stop grouping by Country" }));
    await user.click(run());
    expect(onRun.mock.calls[0]![0]).toMatchObject({ by: ["pathname"], sort: undefined });
  });

  it("refuses to run without a metric and says so", async () => {
    const { user, run } = setup({ ...defaultReportQuery("CDBUGS"), metrics: ["visits"] });
    await user.click(screen.getByRole("checkbox", { name: "Visits" }));
    expect(run().getAttribute("aria-disabled")).toBe("true");
    expect(screen.getAllByText("Pick at least one metric").length).toBeGreaterThan(0);
  });

  it("explains that all time has nothing to compare with", async () => {
    const { user, run } = setup();
    await user.selectOptions(screen.getByRole("combobox", { name: "Date range" }), "all_time");
    await user.click(screen.getByRole("radio", { name: "Previous period" }));
    expect(run().getAttribute("aria-disabled")).toBe("true");
    expect(screen.getAllByText(/All time has no earlier period/).length).toBeGreaterThan(0);
  });

  it("starts custom dates from what the preset covered", async () => {
    const { user, onRun, run } = setup({ ...defaultReportQuery("CDBUGS"), range: { preset: "last_7_days" } });
    await user.selectOptions(screen.getByRole("combobox", { name: "Date range" }), "custom");
    // The date fields load once custom dates are picked (they stay out of the page's first load).
    const from = (await screen.findByLabelText("From")) as HTMLInputElement;
    const to = screen.getByLabelText("To") as HTMLInputElement;
    expect(from.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Date.parse(to.value) - Date.parse(from.value)).toBe(6 * 86_400_000);
    await user.click(run());
    expect(onRun.mock.calls[0]![0].range).toEqual({ preset: "custom", from: from.value, to: to.value });
  });

  it("writes custom dates as the reports do, not in the browser's format", async () => {
    setup({ ...defaultReportQuery("CDBUGS"), range: { preset: "custom", from: "2024-04-16", to: "2024-05-15" } });
    expect((await screen.findByRole("button", { name: /open the calendar/ })).textContent?.replace(/\s/g, " ")).toBe("Apr 16 – May 15, 2024: open the calendar");
  });
});

describe("before hydration", () => {
  it("serves its controls and Run disabled, so nothing typed before React runs is lost", () => {
    const html = renderToString(<QueryBuilder value={defaultReportQuery("CDBUGS")} onChange={() => {}} onRun={() => {}} sites={SITES} />);
    expect(html).toMatch(/<fieldset[^>]*disabled/);
    expect(html).toMatch(/<button[^>]*type="submit"[^>]*\sdisabled=""/);
  });

  it("enables them once running in the browser", () => {
    setup();
    expect((screen.getByRole("button", { name: "Run report" }) as HTMLButtonElement).disabled).toBe(false);
    expect(document.querySelector("fieldset")?.disabled).toBe(false);
  });
});
