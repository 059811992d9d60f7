import { describe, expect, it, vi } from "vitest";
import type { SavedReport } from "@/lib/reports/saved-report";
import { itIsNotFoundOnlyWhenMissing, pathIdPage, recordedRead, savedReportFixture, throwNotFound } from "../../page-test-kit";

vi.mock("next/navigation", () => ({ notFound: throwNotFound, useRouter: () => ({ refresh: () => {} }) }));
vi.mock("@/lib/auth/guard", () => ({ requireUser: async () => ({ id: 1, name: "Ada", role: "viewer" }) }));
vi.mock("@/lib/reports/saved-reports-service", () => ({ getSavedReport: (id: number) => store.read(id), savedReportHistory: async () => [] }));
vi.mock("../load-report-sites", () => ({ loadReportSites: async () => [], loadSiteEvents: async () => [] }));

const report = savedReportFixture();
/** The store as the page sees it: what `getSavedReport` does in this test, and the ids it was asked for. */
const store = recordedRead<SavedReport>(async () => report);

const { default: SavedReportPage } = await import("./page");
const open = pathIdPage(SavedReportPage);

describe("/reports/[id]", () => {
  itIsNotFoundOnlyWhenMissing({ kind: "report", open, store, id: 12, hostileIds: ["abc", "0", "-1", "1e3", "12abc", " 12", "99999999999", "1.5"], missingCode: "report_not_found" });

  it("renders a report whose site is gone instead of failing", async () => {
    await expect(open("12")).resolves.toBeTruthy();
    expect(store.asked).toEqual([12]);
  });
});
