import { beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { defaultReportQuery } from "@/lib/query/report-query";
import { canonicalReportQuery } from "@/lib/query/stored-query";
import type { SavedReport } from "@/lib/reports/saved-report";

let getReport: (id: number) => Promise<SavedReport>;
let asked: number[];
vi.mock("@/lib/reports/saved-reports-service", () => ({
  getSavedReport: (id: number) => {
    asked.push(id);
    return getReport(id);
  },
}));
const { loadEditedReport } = await import("./load-edited-report");

const person = { id: 1, name: "Ada" };
const report: SavedReport = {
  id: 12,
  name: "Blog traffic",
  description: "Weekly",
  siteId: "CDBUGS",
  query: canonicalReportQuery(defaultReportQuery("CDBUGS")),
  version: 3,
  owner: person,
  createdAt: "2024-05-01T10:00:00.000Z",
  updatedAt: "2024-05-01T10:00:00.000Z",
  updatedBy: person,
};

beforeEach(() => {
  asked = [];
  getReport = async () => report;
});

describe("loadEditedReport", () => {
  it("reads no report when the address names none", async () => {
    expect(await loadEditedReport(undefined)).toEqual({ report: null, missing: false });
    expect(asked).toEqual([]);
  });

  it("reads the saved report the address names, with its query read through the upgrade", async () => {
    const { report: edited, missing } = await loadEditedReport("12");
    expect(missing).toBe(false);
    expect(edited).toMatchObject({ id: 12, name: "Blog traffic", version: 3, problems: [], query: { site: "CDBUGS", range: { preset: "last_30_days" } } });
    expect(asked).toEqual([12]);
  });

  it("calls a hostile or unknown id missing, never an error", async () => {
    for (const param of ["abc", "0", "-1", "", ["x", "12"]]) expect(await loadEditedReport(param)).toEqual({ report: null, missing: true });
    expect(asked).toEqual([]);
    getReport = async () => {
      throw new ApiError(404, "report_not_found", "That saved report does not exist.");
    };
    expect(await loadEditedReport("99")).toEqual({ report: null, missing: true });
  });

  it("keeps a report whose query no longer reads, with the reasons, so Save can repair it", async () => {
    getReport = async () => ({ ...report, query: { ...canonicalReportQuery(defaultReportQuery("CDBUGS")), version: 9 } });
    const { report: edited } = await loadEditedReport("12");
    expect(edited?.query).toBeNull();
    expect(edited?.problems[0]).toMatch(/newer Sounding/);
  });
});
