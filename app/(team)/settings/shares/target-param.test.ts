import { describe, expect, it } from "vitest";
import { parseTargetParam } from "./target-param";

describe("parseTargetParam", () => {
  it("reads report:<id> and dashboard:<id>", () => {
    expect(parseTargetParam("report:12")).toEqual({ kind: "report", id: 12 });
    expect(parseTargetParam("dashboard:5")).toEqual({ kind: "dashboard", id: 5 });
    expect(parseTargetParam("report:2147483647")).toEqual({ kind: "report", id: 2147483647 });
  });

  it("refuses anything of another shape", () => {
    for (const raw of [undefined, "", "report", "report:", "report:0", "report:012", "report:1.5", "report:-1", " report:1", "report:1 ", "Report:1", "site:1", "report:9999999999", "report:12:1"]) {
      expect(parseTargetParam(raw), String(raw)).toBeNull();
    }
    expect(parseTargetParam(["report:1", "report:2"])).toBeNull();
  });
});
