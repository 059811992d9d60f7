// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { defaultReportQuery, withEntity } from "@/lib/query/report-query";
import { canonicalReportQuery } from "@/lib/query/stored-query";
import { diagnoseSavedReport, type ReportDiagnosis } from "./diagnose-report";
import { ReportProblem } from "./report-problem";

const refresh = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh }) }));

const SITES = [
  { id: "CDBUGS", name: "Acme blog", timezone: "Europe/Berlin" },
  { id: "ZXCVBN", name: "Shop", timezone: null },
];
const stored = canonicalReportQuery({ ...defaultReportQuery("CDBUGS"), range: { preset: "last_7_days" } });

function broken(query: unknown, events: Array<{ name: string }> | null = null): Extract<ReportDiagnosis, { ok: false }> {
  const diagnosis = diagnoseSavedReport({ query, siteId: "CDBUGS" }, SITES, events);
  if (diagnosis.ok) throw new Error("expected a broken report");
  return diagnosis;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const show = (diagnosis: Extract<ReportDiagnosis, { ok: false }>, canEdit = true) =>
  render(<ReportProblem diagnosis={diagnosis} reportId={12} name="Blog traffic" canEdit={canEdit} hasOlderVersions />);

describe("ReportProblem", () => {
  it("explains a query that no longer reads and opens what can be kept in Explore", () => {
    show(broken({ ...stored, metrics: ["visits", "time_on_page"] }));
    expect(screen.getByText(/its saved query can't be read/)).toBeTruthy();
    expect(screen.getByText("Explore can open it without the metric “time_on_page”.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Edit in Explore with what can be kept" }).getAttribute("href")).toBe(
      "/explore?report=12&site=CDBUGS&range=last_7_days&metrics=visits",
    );
    expect(screen.getByRole("link", { name: "history" }).getAttribute("href")).toBe("#history");
    expect(screen.getByRole("button", { name: "Delete “Blog traffic”" })).toBeTruthy();
  });

  it("offers no guess for a report of a newer format: update, restore or delete", () => {
    show(broken({ ...stored, version: 3 }));
    expect(screen.getByText(/written by a newer Sounding/)).toBeTruthy();
    expect(screen.getByText("Nothing of it can be opened in this version of Sounding.")).toBeTruthy();
    expect(screen.queryByRole("link", { name: /Explore/ })).toBeNull();
  });

  it("says an event deleted in Fathom by name, and where to pick another", () => {
    const signups = canonicalReportQuery(withEntity(defaultReportQuery("CDBUGS"), "event", "Signed up"));
    show(broken(signups, [{ name: "Paid" }]));
    expect(screen.getByText("The event “Signed up” is no longer on Acme blog.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Pick another event in Explore" }).getAttribute("href")).toBe(
      "/explore?report=12&site=CDBUGS&entity=event&event=Signed%20up",
    );
  });

  it("offers the account's other sites for a report whose site is gone", () => {
    show(broken({ ...stored, site: "GONE00" }));
    expect(screen.getByText(/for a site \(GONE00\) that is no longer on this Fathom account/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "Edit in Explore on Shop" }).getAttribute("href")).toBe("/explore?report=12&site=ZXCVBN&range=last_7_days");
  });

  it("tells viewers an editor can fix it, with no fixes of their own", () => {
    show(broken({ ...stored, site: "GONE00" }), false);
    expect(screen.getByText("An editor can fix it: ask one to open this page.")).toBeTruthy();
    expect(screen.queryByRole("link")).toBeNull();
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("deletes after a confirmation, with Undo", async () => {
    const calls: string[] = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        calls.push(`${init?.method ?? "GET"} ${String(input)}`);
        return Response.json(init?.method === "DELETE" ? { id: 12, deleted: true } : { id: 12 });
      }),
    );
    const user = userEvent.setup();
    show(broken({ ...stored, site: "GONE00" }));
    await user.click(screen.getByRole("button", { name: "Delete “Blog traffic”" }));
    await user.click(within(screen.getByRole("alertdialog")).getByRole("button", { name: "Delete report" }));
    expect(await screen.findByText("Deleted “Blog traffic”.")).toBeTruthy();
    expect(calls).toEqual(["DELETE /api/reports/12"]);
    expect(screen.getByRole("link", { name: "Back to the reports" }).getAttribute("href")).toBe("/reports");
    await user.click(screen.getByRole("button", { name: "Undo" }));
    await waitFor(() => expect(calls).toEqual(["DELETE /api/reports/12", "POST /api/reports/12/undelete"]));
  });
});
