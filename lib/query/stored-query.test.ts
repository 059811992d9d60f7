import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REPORT_QUERY_VERSION, defaultReportQuery, type ReportQuery } from "./report-query";
import { validReportQuery } from "./report-query-arbitrary";
import {
  canonicalReportQuery,
  readStoredReportQuery,
  sameReportQuery,
  storeReportQuery,
  storedReportQuerySchema,
  upgradeRaw,
  upgradeReportQuery,
} from "./stored-query";
import { decodeReportQuery, encodeReportQuery } from "./url-codec";

function query(result: ReturnType<typeof upgradeReportQuery>): ReportQuery {
  if (!result.ok) throw new Error(`expected a query, got ${JSON.stringify(result.errors)}`);
  return result.query;
}

describe("the canonical stored query", () => {
  it("writes every field, defaults included, in a fixed order", () => {
    const stored = storeReportQuery({ ...defaultReportQuery("CDBUGS"), by: ["pathname"] });
    expect(stored).toBe(
      '{"version":1,"site":"CDBUGS","entity":"pageview","event":null,"metrics":["visits","pageviews","bounce_rate","avg_duration"],' +
        '"range":{"preset":"last_30_days"},"grouping":"auto","by":["pathname"],"filters":[],' +
        '"sort":{"field":"visits","direction":"desc"},"limit":null,"compare":"none","chart":"auto"}',
    );
  });

  it("writes the order rows really come in, so a later default cannot reorder a saved report", () => {
    expect(canonicalReportQuery(defaultReportQuery("S")).sort).toEqual({ field: "timestamp", direction: "asc" });
    expect(canonicalReportQuery({ ...defaultReportQuery("S"), grouping: "none" }).sort).toBeNull();
    const chosen = { field: "pageviews", direction: "asc" } as const;
    expect(canonicalReportQuery({ ...defaultReportQuery("S"), by: ["browser"], sort: chosen }).sort).toEqual(chosen);
  });

  it("drops an event name from a pageview report, where it means nothing", () => {
    expect(canonicalReportQuery({ ...defaultReportQuery("S"), event: "Signup" }).event).toBeNull();
  });

  it("property: encode → decode → canonical is the identity, and so is store → read", () => {
    fc.assert(
      fc.property(validReportQuery, (original) => {
        const fromUrl = decodeReportQuery(encodeReportQuery(original));
        expect(canonicalReportQuery(query(fromUrl))).toEqual(canonicalReportQuery(original));
        const fromStore = query(readStoredReportQuery(storeReportQuery(original)));
        expect(canonicalReportQuery(fromStore)).toEqual(canonicalReportQuery(original));
        // The canonical form is a fixed point: reading it back and storing again changes nothing.
        expect(storeReportQuery(fromStore)).toBe(storeReportQuery(original));
        expect(sameReportQuery(fromStore, original)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

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

  it("is the schema a route parses a stored query with", () => {
    expect(storedReportQuerySchema.parse(stored())).toMatchObject({ site: "CDBUGS", version: 1 });
    const refused = storedReportQuerySchema.safeParse({ ...stored(), metrics: ["value"] });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(["metrics"]);
  });
});
