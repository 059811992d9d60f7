/**
 * Which aggregations fold together (DESIGN.md, "The upstream budget"; issue 12): two requests that ask the
 * same site, entity, range, timezone, groupings, filters, sort and limit but different aggregates are one
 * upstream question, asked once with the union of the aggregates. Isomorphic and pure, so the budget bench
 * counts distinct folded questions by the very rule the governor folds by.
 */
import type { AggregationParams } from "../query/aggregation-params";
import { AGGREGATES, type Aggregate } from "../query/fathom-fields";

/**
 * Whether asking for other aggregates leaves the rows and their order alone, so an answer with more
 * aggregates can be cut down to fewer. Rows grouped by a field and not sorted come in Fathom's own order,
 * which may follow the first aggregate (the simulator's does), and a limit would then keep other rows:
 * such a request only shares answers with requests for the very same aggregates.
 */
export function isFoldable(params: Pick<AggregationParams, "sort_by" | "field_grouping">): boolean {
  return params.sort_by !== undefined || (params.field_grouping ?? []).length === 0;
}

/**
 * The request as a fold sees it: every parameter but the aggregates (kept when the request is not
 * foldable), unset and empty lists left out. Equal identities (as canonical JSON, filters as a set) ⇒ foldable together.
 */
export function foldIdentity(params: AggregationParams): Record<string, unknown> {
  const identity: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    if (name === "aggregates" && isFoldable(params)) continue;
    identity[name] = value;
  }
  return identity;
}

/**
 * Aggregates in the vocabulary's order, each once: how a union is sent and kept, whatever order callers
 * asked in. The aggregate sorted by, if any, comes first: Fathom's order among rows that tie on the sort may
 * follow the first aggregate (the simulator's does), and a tile sorts by its first metric unless told otherwise.
 */
export function orderAggregates(aggregates: Iterable<string>, sortBy?: string): Aggregate[] {
  const wanted = new Set(aggregates);
  const sorted = sortBy?.split(":")[0];
  const ordered = AGGREGATES.filter((aggregate) => wanted.has(aggregate));
  return ordered.sort((a, b) => Number(b === sorted) - Number(a === sorted));
}
