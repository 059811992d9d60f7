import { describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { defaultReportQuery } from "@/lib/query/report-query";
import { canonicalReportQuery } from "@/lib/query/stored-query";
import type { SavedReport } from "@/lib/reports/saved-report";
import { recordedRead, savedReportFixture } from "../page-test-kit";

vi.mock("@/lib/reports/saved-reports-service", () => ({ getSavedReport: (id: number) => store.read(id) }));

const report = savedReportFixture({ description: "Weekly", version: 3 });
/** The store as the loader sees it: what `getSavedReport` does in this test, and the ids it was asked for. */
const store = recordedRead<SavedReport>(async () => report);

const { loadEditedReport } = await import("./load-edited-report");

describe("loadEditedReport", () => {
  it("reads no report when the address names none", async () => {
    expect(await loadEditedReport(undefined)).toEqual({ report: null, missing: false });
    expect(store.asked).toEqual([]);
  });

  it("reads the saved report the address names, with its query read through the upgrade", async () => {
    const { report: edited, missing } = await loadEditedReport("12");
    expect(missing).toBe(false);
    expect(edited).toMatchObject({ id: 12, name: "Blog traffic", version: 3, problems: [], query: { site: "CDBUGS", range: { preset: "last_30_days" } } });
    expect(store.asked).toEqual([12]);
  });

  it("calls a hostile or unknown id missing, never an error", async () => {
    for (const param of ["abc", "0", "-1", "", ["x", "12"]]) expect(await loadEditedReport(param)).toEqual({ report: null, missing: true });
    expect(store.asked).toEqual([]);
    store.answer = async () => {
      throw new ApiError(404, "report_not_found", "That saved report does not exist.");
    };
    expect(await loadEditedReport("99")).toEqual({ report: null, missing: true });
  });

  it("keeps a report whose query no longer reads, with the reasons, so Save can repair it", async () => {
    store.answer = async () => ({ ...report, query: { ...canonicalReportQuery(defaultReportQuery("CDBUGS")), version: 9 } });
    const { report: edited } = await loadEditedReport("12");
    expect(edited?.query).toBeNull();
    expect(edited?.problems[0]).toMatch(/newer Sounding/);
  });
});
