import { describe, expect, it } from "vitest";
import { upgradeRaw, upgradeReportQuery, type DecodeResult } from "./query-upgrade";
import { REPORT_QUERY_VERSION, defaultReportQuery, type ReportQuery } from "./report-query";
import { readStoredReportQuery, storeReportQuery } from "./stored-query";
import { decodeReportQuery } from "./url-codec";

function query(result: DecodeResult): ReportQuery {
  if (!result.ok) throw new Error(`expected a query, got ${JSON.stringify(result.errors)}`);
  return result.query;
}

describe("upgradeReportQuery: the one way in for a query of any version", () => {
  const stored = () => JSON.parse(storeReportQuery(defaultReportQuery("CDBUGS"))) as Record<string, unknown>;

  it("reads a current stored query and a URL without a version (every link written before versions existed)", () => {
    expect(query(upgradeReportQuery(stored())).site).toBe("CDBUGS");
    const legacy = decodeReportQuery("site=CDBUGS&range=last_7_days");
    expect(query(legacy)).toMatchObject({ version: REPORT_QUERY_VERSION, range: { preset: "last_7_days" } });
  });

  it("refuses a query from a newer Sounding with a message that says so, from a URL or a row", () => {
    const newer = upgradeReportQuery({ ...stored(), version: REPORT_QUERY_VERSION + 1 });
    expect(newer).toEqual({ ok: false, errors: { version: [expect.stringMatching(/newer Sounding.*Update Sounding/)] } });
    const url = decodeReportQuery(`v=${REPORT_QUERY_VERSION + 1}&site=CDBUGS`);
    expect(url.ok).toBe(false);
    expect(url.ok ? [] : url.errors.version).toEqual([expect.stringMatching(/newer Sounding/)]);
  });

  it("refuses versions that are not versions, and input that is not a query, without throwing", () => {
    for (const version of [0, -1, 1.5, "1", true]) {
      const result = upgradeReportQuery({ ...stored(), version });
      expect(result.ok).toBe(false);
      expect(result.ok ? [] : Object.keys(result.errors)).toEqual(["version"]);
    }
    for (const input of [null, 7, "text", [], undefined]) expect(upgradeReportQuery(input).ok).toBe(false);
    expect(decodeReportQuery("v=abc&site=CDBUGS").ok).toBe(false);
    expect(readStoredReportQuery("{not json")).toEqual({ ok: false, errors: { _: [expect.stringMatching(/not JSON/)] } });
  });

  it("runs each upgrade step in order from the query's version to the current one, and never skips a gap", () => {
    // A made-up history: format 1 called the comparison `previous`, format 2 had no chart, format 3 is current.
    const ran: number[] = [];
    const steps = {
      1: (raw: Record<string, unknown>) => (ran.push(1), { ...raw, compare: raw.compare === "previous" ? "previous_period" : raw.compare }),
      2: (raw: Record<string, unknown>) => (ran.push(2), { ...raw, chart: raw.chart ?? "auto" }),
    };
    expect(upgradeRaw({ site: "S", version: 1, compare: "previous" }, steps, 3)).toEqual({
      ok: true,
      raw: { site: "S", version: 3, compare: "previous_period", chart: "auto" },
    });
    expect(ran).toEqual([1, 2]);
    expect(upgradeRaw({ site: "S", version: 2, chart: "bar" }, steps, 3)).toEqual({ ok: true, raw: { site: "S", version: 3, chart: "bar" } });
    expect(ran).toEqual([1, 2, 2]);
    expect(upgradeRaw({ site: "S", version: 1 }, { 2: steps[2] }, 3)).toEqual({
      ok: false,
      errors: { version: ["Sounding cannot upgrade a report of format 1"] },
    });
    expect(upgradeRaw({ site: "S", version: 4 }, steps, 3).ok).toBe(false);
  });
});
