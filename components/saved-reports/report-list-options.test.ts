import { describe, expect, it } from "vitest";
import { defaultReportQuery } from "@/lib/query/report-query";
import type { SavedReportListItem } from "@/lib/reports/saved-report";
import { DEFAULT_LIST_OPTIONS, applyListOptions, listOptionsSearch, ownerKey, readListOptions } from "./report-list-options";

const report = (id: number, name: string, siteId: string, ownerId: number | null, updatedAt: string): SavedReportListItem => ({
  id,
  name,
  description: "",
  siteId,
  query: defaultReportQuery(siteId),
  version: 1,
  owner: { id: ownerId, name: ownerId === null ? "Former colleague" : `User ${ownerId}` },
  createdAt: updatedAt,
  updatedAt,
  updatedBy: { id: ownerId, name: "x" },
  preview: null,
});

const LIST = [
  report(1, "Résumé views", "SHOP", 1, "2024-05-01T00:00:00Z"),
  report(2, "blog traffic", "BLOG", 2, "2024-05-03T00:00:00Z"),
  report(3, "Blog 10", "BLOG", null, "2024-05-02T00:00:00Z"),
  report(4, "Blog 9", "BLOG", 1, "2024-05-02T00:00:00Z"),
];
const SITES: Record<string, string> = { SHOP: "Acme shop", BLOG: "Zed blog" };
const ids = (options: Partial<typeof DEFAULT_LIST_OPTIONS>) => applyListOptions(LIST, { ...DEFAULT_LIST_OPTIONS, ...options }, (id) => SITES[id]!).map((r) => r.id);

describe("the Reports page's options", () => {
  it("reads any link without throwing, falling back to the defaults", () => {
    expect(readListOptions("")).toEqual(DEFAULT_LIST_OPTIONS);
    expect(readListOptions("?q=blog&site=BLOG&owner=2&sort=name")).toEqual({ q: "blog", site: "BLOG", owner: "2", sort: "name" });
    expect(readListOptions({ sort: "sideways", site: "", owner: ["1", "2"], q: undefined })).toEqual({ ...DEFAULT_LIST_OPTIONS, owner: "1" });
  });

  it("writes the options back without the defaults, so the plain list is /reports", () => {
    expect(listOptionsSearch(DEFAULT_LIST_OPTIONS)).toBe("");
    expect(listOptionsSearch({ q: " blog ", site: "BLOG", owner: null, sort: "site" })).toBe("?q=blog&site=BLOG&sort=site");
    expect(readListOptions(listOptionsSearch({ q: "a&b=c", site: null, owner: "name:Ex", sort: "name" }))).toEqual({ q: "a&b=c", site: null, owner: "name:Ex", sort: "name" });
  });

  it("searches names ignoring case and accents, and filters by site and owner", () => {
    expect(ids({ q: "BLOG" })).toEqual([2, 4, 3]);
    expect(ids({ q: "resume" })).toEqual([1]);
    expect(ids({ site: "SHOP" })).toEqual([1]);
    expect(ids({ owner: "1" })).toEqual([4, 1]);
    expect(ids({ owner: ownerKey({ id: null, name: "Former colleague" }) })).toEqual([3]);
  });

  it("sorts by the latest change, by name (numbers in order), or by site name then name", () => {
    expect(ids({})).toEqual([2, 4, 3, 1]);
    expect(ids({ sort: "name" })).toEqual([4, 3, 2, 1]);
    expect(ids({ sort: "site" })).toEqual([1, 4, 3, 2]);
  });
});
