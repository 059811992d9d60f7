// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { defaultReportQuery, queryMessages, type ReportQuery } from "@/lib/query/report-query";
import { GroupingSection } from "./grouping-section";

afterEach(cleanup);

/** The builder as a page holds it, with the fields grouped by shown for the test to read. */
function Harness({ initial = defaultReportQuery("CDBUGS") }: { initial?: ReportQuery }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <GroupingSection value={value} onChange={setValue} messages={queryMessages(value)} />
      <output data-testid="by">{value.by.join(",")}</output>
    </>
  );
}

const groupedBy = () => screen.getByTestId("by").textContent!.split(",").filter(Boolean);

const addSelect = () => screen.getByRole("combobox", { name: "Add a field to group by" }) as HTMLSelectElement;

/** What Firefox and Chrome on Windows do on ArrowDown in a closed select: the key, then `change` as its default action. */
function arrowDown(select: HTMLSelectElement) {
  const next = select.options[select.selectedIndex + 1]!;
  fireEvent.keyDown(select, { key: "ArrowDown" });
  fireEvent.change(select, { target: { value: next.value } });
}

describe("GroupingSection: adding a field", () => {
  it("adds nothing while the keyboard moves through the fields; Enter adds the one shown", () => {
    render(<Harness />);
    const select = addSelect();
    select.focus();
    arrowDown(select);
    arrowDown(select);
    expect(groupedBy()).toEqual([]);
    expect(select.value).toBe("pathname");
    expect(screen.getByText("Press Enter to add Page.")).toBeTruthy();

    fireEvent.keyDown(select, { key: "Enter" });
    expect(groupedBy()).toEqual(["pathname"]);
    expect(addSelect().value).toBe("");
    expect(screen.queryByText(/Press Enter to add/)).toBeNull();
  });

  it("drops a field only moved to on Escape or when leaving the select", () => {
    render(<Harness />);
    arrowDown(addSelect());
    fireEvent.keyDown(addSelect(), { key: "Escape" });
    expect(addSelect().value).toBe("");
    arrowDown(addSelect());
    fireEvent.blur(addSelect());
    expect(addSelect().value).toBe("");
    expect(groupedBy()).toEqual([]);
  });

  it("adds at once when an option is picked with the mouse or from the opened list", async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.selectOptions(addSelect(), "country_code");
    expect(groupedBy()).toEqual(["country_code"]);
    expect(addSelect().value).toBe("");
    // A key pressed long before (the one that opened the list) does not hold back the pick made in it.
    fireEvent.keyDown(addSelect(), { key: " " });
    await new Promise((resolve) => setTimeout(resolve, 5));
    fireEvent.change(addSelect(), { target: { value: "pathname" } });
    expect(groupedBy()).toEqual(["country_code", "pathname"]);
  });
});

describe("GroupingSection: removing a field", () => {
  it("moves focus to the next field's button, or to the select once the last one is gone", async () => {
    const user = userEvent.setup();
    render(<Harness initial={{ ...defaultReportQuery("CDBUGS"), grouping: "none", by: ["pathname", "country_code"] }} />);
    await user.click(screen.getByRole("button", { name: "Stop grouping by Page" }));
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Stop grouping by Country" }));
    await user.keyboard("{Enter}");
    expect(groupedBy()).toEqual([]);
    expect(document.activeElement).toBe(addSelect());
  });
});
