import { beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { defaultReportQuery } from "@/lib/query/report-query";
import { canonicalReportQuery } from "@/lib/query/stored-query";
import type { SavedReport } from "@/lib/reports/saved-report";

class NotFound extends Error {}
vi.mock("next/navigation", () => ({
  notFound: () => {
    throw new NotFound("NEXT_HTTP_ERROR_FALLBACK;404");
  },
  useRouter: () => ({ refresh: () => {} }),
}));
vi.mock("@/lib/auth/guard", () => ({ requireUser: async () => ({ id: 1, name: "Ada", role: "viewer" }) }));
/** The store as the page sees it: what `getSavedReport` does in this test, and the ids it was asked for. */
let getReport: (id: number) => Promise<SavedReport>;
let asked: number[];
vi.mock("@/lib/reports/saved-reports-service", () => ({
  getSavedReport: (id: number) => {
    asked.push(id);
    return getReport(id);
  },
  savedReportHistory: async () => [],
}));
vi.mock("../load-report-sites", () => ({ loadReportSites: async () => [], loadSiteEvents: async () => [] }));

const { default: SavedReportPage } = await import("./page");
const open = (id: string) => SavedReportPage({ params: Promise.resolve({ id }) });

const report: SavedReport = {
  id: 12,
  name: "Blog traffic",
  description: "",
  siteId: "CDBUGS",
  query: canonicalReportQuery(defaultReportQuery("CDBUGS")),
  version: 1,
  owner: { id: 1, name: "Ada" },
  createdAt: "2024-05-01T10:00:00.000Z",
  updatedAt: "2024-05-01T10:00:00.000Z",
  updatedBy: { id: 1, name: "Ada" },
};

beforeEach(() => {
  asked = [];
  getReport = async () => report;
});

describe("/reports/[id]", () => {
  it("is Next's 404 for an id that is not one, without asking the store", async () => {
    for (const id of ["abc", "0", "-1", "1e3", "12abc", " 12", "99999999999", "1.5"]) {
      await expect(open(id), id).rejects.toBeInstanceOf(NotFound);
    }
    expect(asked).toEqual([]);
  });

  it("is Next's 404 for a report that is not there (deleted or never made)", async () => {
    getReport = async () => {
      throw new ApiError(404, "report_not_found", "That saved report does not exist.");
    };
    await expect(open("12")).rejects.toBeInstanceOf(NotFound);
    expect(asked).toEqual([12]);
  });

  it("lets any other failure through to the error page, rather than calling it missing", async () => {
    getReport = async () => {
      throw new Error("The database is locked");
    };
    await expect(open("12")).rejects.toThrow("The database is locked");
  });

  it("renders a report whose site is gone instead of failing", async () => {
    await expect(open("12")).resolves.toBeTruthy();
    expect(asked).toEqual([12]);
  });
});
