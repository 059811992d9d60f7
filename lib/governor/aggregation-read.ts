import "server-only";
import type { AggregationRow } from "@/lib/fathom/aggregations";
import type { AggregationParams } from "@/lib/query/aggregation-params";
import type { Aggregate } from "@/lib/query/fathom-fields";
import { foldIdentity, isFoldable, orderAggregates } from "./fold-identity";
import type { FoldableRead } from "./folding";
import { requestKey } from "./request-key";

export type AggregationReadInput = Pick<FoldableRead<AggregationRow>, "priority" | "freshness" | "tags" | "solo"> & {
  /** Checked parameters (`aggregationParamsSchema`). */
  params: AggregationParams;
  fingerprint: string;
  /** Sends `GET /aggregations` (the Fathom client's `aggregate`). */
  send: (params: AggregationParams) => Promise<AggregationRow[]>;
};

/**
 * A governed aggregation as the folding sees it: the exact key of the request for any set of aggregates
 * (single-flight, and the key it had before folding existed), the fold key its answer is kept under, and
 * how a union is sent. Unfoldable reports (grouped by a field and unsorted) may come back in an order their
 * first aggregate decides, so their aggregates stay in the fold key, in the order asked.
 */
export function aggregationRead({ params, fingerprint, send, ...read }: AggregationReadInput): FoldableRead<AggregationRow> {
  const keyed = Object.fromEntries(Object.entries(params).filter(([, value]) => !(Array.isArray(value) && value.length === 0)));
  const foldable = isFoldable(params);
  const unordered = foldable ? ["aggregates", "filters"] : ["filters"];
  return {
    ...read,
    cls: "reports",
    foldKey: requestKey({ operation: "aggregations:folded", fingerprint, params: foldIdentity(params), unordered }),
    columns: params.aggregates,
    keyFor: (aggregates) => requestKey({ operation: "aggregations", fingerprint, params: { ...keyed, aggregates }, unordered }),
    order: foldable ? (aggregates) => orderAggregates(aggregates, params.sort_by) : (aggregates) => [...new Set(aggregates)],
    fetch: (aggregates) => send({ ...params, aggregates: aggregates as Aggregate[] }),
  };
}
