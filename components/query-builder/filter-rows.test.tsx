// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { defaultReportQuery, queryMessages, type ReportFilter, type ReportQuery } from "@/lib/query/report-query";
import { FilterRows } from "./filter-rows";

afterEach(cleanup);

/** The builder as a page holds it, with the filters' values shown for the test to read. */
function Harness({ filters = [], revealMessages }: { filters?: ReportFilter[]; revealMessages?: boolean }) {
  const [value, setValue] = useState<ReportQuery>({ ...defaultReportQuery("CDBUGS"), filters });
  return (
    <>
      <FilterRows value={value} onChange={setValue} messages={queryMessages(value)} revealMessages={revealMessages} />
      <button type="button">Elsewhere</button>
      <output data-testid="values">{JSON.stringify(value.filters.map((row) => row.value))}</output>
    </>
  );
}

const filterValues = () => JSON.parse(screen.getByTestId("values").textContent!) as string[];

const EMPTY = "Type a value to filter on";
const property = (n: number) => screen.getByRole("combobox", { name: `Filter ${n} property` });
const valueBox = (n: number) => screen.getByRole("textbox", { name: `Filter ${n} value` });
const filter = (value: string): ReportFilter => ({ property: "pathname", operator: "is", value });

describe("FilterRows: focus", () => {
  it("moves focus to the new row's property after Add filter", async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole("button", { name: "Add filter" }));
    expect(document.activeElement).toBe(property(1));
    await user.click(screen.getByRole("button", { name: "Add filter" }));
    expect(document.activeElement).toBe(property(2));
  });

  it("after a remove, focuses the row that moved up, or Add filter when none did", async () => {
    const user = userEvent.setup();
    render(<Harness filters={[filter("/a"), filter("/b"), filter("/c")]} />);
    await user.click(screen.getByRole("button", { name: "Remove filter 2" }));
    expect(filterValues()).toEqual(["/a", "/c"]);
    expect(document.activeElement).toBe(property(2));

    await user.click(screen.getByRole("button", { name: "Remove filter 2" }));
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Add filter" }));
  });
});

describe("FilterRows: messages of a new row", () => {
  it("waits until the row is left, not while its property and operator are picked", async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole("button", { name: "Add filter" }));
    expect(screen.queryByText(EMPTY)).toBeNull();
    expect(valueBox(1).getAttribute("aria-invalid")).toBeNull();

    await user.selectOptions(property(1), "referrer_hostname");
    await user.selectOptions(screen.getByRole("combobox", { name: "Filter 1 operator" }), "contains");
    await user.click(valueBox(1));
    expect(screen.queryByText(EMPTY)).toBeNull();

    await user.click(screen.getByRole("button", { name: "Elsewhere" }));
    expect(screen.getByText(EMPTY)).toBeTruthy();
    expect(valueBox(1).getAttribute("aria-invalid")).toBe("true");
  });

  it("shows them once a value is typed", async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole("button", { name: "Add filter" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "Filter 1 operator" }), "matching");
    await user.type(valueBox(1), "^/blog/(");
    expect(screen.getByText(/isn't a valid regular expression/)).toBeTruthy();
    await user.clear(valueBox(1));
    expect(screen.getByText(EMPTY)).toBeTruthy();
  });

  it("shows them on Enter in the row (a run tried from the value)", async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole("button", { name: "Add filter" }));
    await user.click(valueBox(1));
    await user.keyboard("{Enter}");
    expect(screen.getByText(EMPTY)).toBeTruthy();
  });

  it("shows every row's messages when told a run was tried", async () => {
    const user = userEvent.setup();
    render(<Harness revealMessages />);
    await user.click(screen.getByRole("button", { name: "Add filter" }));
    expect(screen.getByText(EMPTY)).toBeTruthy();
  });

  it("shows the problems of rows it did not add (a query opened from a link) at once", () => {
    render(<Harness filters={[filter("/a"), filter("")]} />);
    expect(screen.getByText(EMPTY)).toBeTruthy();
    expect(valueBox(2).getAttribute("aria-invalid")).toBe("true");
  });
});

describe("FilterRows: the operator picked", () => {
  const operator = (n: number) => screen.getByRole("combobox", { name: `Filter ${n} operator` }) as HTMLSelectElement;

  it("survives arrowing through a property that doesn't allow it", async () => {
    const user = userEvent.setup();
    render(<Harness filters={[filter("/blog")]} />);
    await user.selectOptions(operator(1), "is like");
    // As ArrowDown in the property select does: one property after another.
    await user.selectOptions(property(1), "device_type");
    expect(operator(1).value).toBe("is");
    await user.selectOptions(property(1), "operating_system");
    expect(operator(1).value).toBe("is");
    await user.selectOptions(property(1), "utm_source");
    expect(operator(1).value).toBe("is like");
    expect(filterValues()).toEqual(["/blog"]);
  });

  it("keeps the latest pick, and a negative one stays negative where it can't be kept", async () => {
    const user = userEvent.setup();
    render(<Harness filters={[filter("/blog")]} />);
    await user.selectOptions(operator(1), "is like");
    await user.selectOptions(operator(1), "is not like");
    await user.selectOptions(property(1), "country_code");
    expect(operator(1).value).toBe("is not");
    await user.selectOptions(property(1), "pathname");
    expect(operator(1).value).toBe("is not like");
  });

  it("keeps the operator of a row opened from a link in the same way", async () => {
    const user = userEvent.setup();
    render(<Harness filters={[{ property: "pathname", operator: "matching", value: "^/blog/" }]} />);
    await user.selectOptions(property(1), "browser");
    expect(operator(1).value).toBe("is");
    await user.selectOptions(property(1), "referrer_pathname");
    expect(operator(1).value).toBe("matching");
  });
});
