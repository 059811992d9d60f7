import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultReportQuery, type ReportQuery } from "./report-query";
import { validReportQuery } from "./report-query-arbitrary";
import type { DecodeResult } from "./query-upgrade";
import { canonicalReportQuery, readStoredReportQuery, sameReportQuery, storeReportQuery, storedReportQuerySchema } from "./stored-query";
import { decodeReportQuery, encodeReportQuery } from "./url-codec";

function query(result: DecodeResult): ReportQuery {
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

  it("is the schema a route parses a stored query with", () => {
    const stored = JSON.parse(storeReportQuery(defaultReportQuery("CDBUGS"))) as Record<string, unknown>;
    expect(storedReportQuerySchema.parse(stored)).toMatchObject({ site: "CDBUGS", version: 1 });
    const refused = storedReportQuerySchema.safeParse({ ...stored, metrics: ["value"] });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(["metrics"]);
  });
});
