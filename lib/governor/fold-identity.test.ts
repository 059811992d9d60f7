import { describe, expect, it } from "vitest";
import type { AggregationParams } from "@/lib/query/aggregation-params";
import { foldIdentity, isFoldable, orderAggregates } from "./fold-identity";

const base: AggregationParams = {
  entity: "pageview",
  entity_id: "CDBUGS",
  aggregates: ["pageviews", "visits"],
  date_from: "2026-03-01 00:00:00",
  date_to: "2026-03-09 23:59:59",
};

describe("which aggregations fold together", () => {
  it("leaves the aggregates out, and unset or empty lists, so requests differing only in aggregates are one", () => {
    const identity = foldIdentity({ ...base, filters: [], field_grouping: [], sort_by: undefined });
    expect(identity).toEqual({ entity: "pageview", entity_id: "CDBUGS", date_from: "2026-03-01 00:00:00", date_to: "2026-03-09 23:59:59" });
    expect(foldIdentity({ ...base, aggregates: ["bounce_rate"] })).toEqual(identity);
    expect(foldIdentity({ ...base, limit: 5 })).not.toEqual(identity);
  });

  it("keeps the aggregates, in the order asked, of an unsorted report grouped by a field", () => {
    const unsorted: AggregationParams = { ...base, field_grouping: ["pathname"], limit: 10 };
    expect(isFoldable(unsorted)).toBe(false);
    expect(foldIdentity(unsorted).aggregates).toEqual(["pageviews", "visits"]);
    expect(isFoldable({ ...unsorted, sort_by: "pathname:asc" })).toBe(true);
    const series: AggregationParams = { ...base, date_grouping: "day", limit: 3 };
    expect(isFoldable(series)).toBe(true);
  });

  it("orders a union as the vocabulary does, each aggregate once, the one sorted by first", () => {
    expect(orderAggregates(["bounce_rate", "visits", "pageviews", "visits"])).toEqual(["visits", "pageviews", "bounce_rate"]);
    expect(orderAggregates(["bounce_rate", "visits", "pageviews"], "pageviews:desc")).toEqual(["pageviews", "visits", "bounce_rate"]);
    expect(orderAggregates(["visits", "pageviews"], "timestamp:asc")).toEqual(["visits", "pageviews"]);
  });
});
