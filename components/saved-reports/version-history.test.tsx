// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { defaultReportQuery, type ReportQuery } from "@/lib/query/report-query";
import { canonicalReportQuery } from "@/lib/query/stored-query";
import { describeChanges } from "@/lib/reports/describe-changes";
import type { SavedReportVersion } from "@/lib/reports/saved-report";
import { VersionHistory, type HistoryEntry } from "./version-history";

const refresh = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh }) }));

const base: ReportQuery = defaultReportQuery("CDBUGS");
const version = (n: number, query: ReportQuery, extra: Partial<SavedReportVersion> = {}): SavedReportVersion => ({
  version: n,
  name: "Blog traffic",
  description: "",
  query: canonicalReportQuery(query),
  createdAt: `2024-05-1${n}T10:00:00.000Z`,
  createdBy: { id: n, name: ["", "Ada", "Grace", "Linus"][n]! },
  restoredFrom: null,
  ...extra,
});
/** Newest first, as the service answers. */
const VERSIONS = [
  version(3, base, { restoredFrom: 1, name: "Blog" }),
  version(2, { ...base, range: { preset: "last_90_days" }, filters: [{ property: "pathname", operator: "is like", value: "/blog*" }] }, { name: "Blog" }),
  version(1, base),
];
const ENTRIES: HistoryEntry[] = VERSIONS.map((entry, index) => ({
  version: entry.version,
  who: entry.createdBy.name,
  createdAt: entry.createdAt,
  changes: describeChanges(entry, VERSIONS[index + 1]),
}));

let calls: string[];
beforeEach(() => {
  calls = [];
  refresh.mockClear();
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push(`${init?.method ?? "GET"} ${String(input)}`);
      if (String(input).endsWith("/versions/2/restore")) {
        return Response.json({ ...VERSIONS[1], id: 12, siteId: "CDBUGS", version: 4, owner: { id: 1, name: "Ada" }, updatedAt: "2024-05-15T10:00:00.000Z", updatedBy: { id: 1, name: "Ada" }, createdAt: "2024-05-11T10:00:00.000Z" });
      }
      return Response.json({ error: { code: "version_not_found", message: "There is no such version." } }, { status: 404 });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const renderHistory = (canRestore = true) =>
  render(<VersionHistory reportId={12} entries={ENTRIES} currentVersion={3} canRestore={canRestore} now="2024-05-15T10:00:00.000Z" />);

describe("VersionHistory", () => {
  it("lists every version with who saved it, when, and what it changed in words", () => {
    renderHistory();
    const items = within(screen.getByRole("list")).getAllByRole("listitem");
    expect(items.map((item) => within(item).getByRole("heading").textContent)).toEqual(["Version 3(current)", "Version 2", "Version 1"]);
    expect(within(items[0]!).getByText(/^Linus,/).textContent).toMatch(/^Linus, 2 days ago/);
    expect(within(items[0]!).getByText(/restored version 1/).textContent).toBe(
      'restored version 1; range: last 90 days → last 30 days; filter removed: Page contains "/blog*"',
    );
    expect(within(items[1]!).getByText(/range:/).textContent).toBe(
      'range: last 30 days → last 90 days; filter added: Page contains "/blog*"; renamed: "Blog traffic" → "Blog"',
    );
    expect(within(items[2]!).getByText("created")).toBeTruthy();
    // The current version has nothing to restore.
    expect(within(items[0]!).queryByRole("button")).toBeNull();
  });

  it("restores a version after a confirmation, as a new version, then reads the page again", async () => {
    const user = userEvent.setup();
    renderHistory();
    await user.click(screen.getByRole("button", { name: "Restore version 2" }));
    const dialog = screen.getByRole("alertdialog", { name: "Restore version 2?" });
    expect(within(dialog).getByText(/saved as a new version 4/)).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByRole("button", { name: "Cancel" }));
    await user.click(within(dialog).getByRole("button", { name: "Restore version 2" }));

    const notice = await screen.findByText("Restored version 2 as version 4. The report above shows it.");
    expect(calls).toEqual(["POST /api/reports/12/versions/2/restore"]);
    expect(refresh).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(document.activeElement?.contains(notice)).toBe(true));
  });

  it("says when a restore is refused, and changes nothing", async () => {
    const user = userEvent.setup();
    renderHistory();
    await user.click(screen.getByRole("button", { name: "Restore version 1" }));
    await user.click(within(screen.getByRole("alertdialog")).getByRole("button", { name: "Restore version 1" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Version 1 could not be restored. There is no such version. Nothing was changed.");
    expect(refresh).not.toHaveBeenCalled();
  });

  it("lets viewers read the history without restoring", () => {
    renderHistory(false);
    expect(screen.getAllByRole("listitem")).toHaveLength(3);
    expect(screen.queryByRole("button", { name: /Restore/ })).toBeNull();
  });
});
