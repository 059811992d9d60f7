/**
 * Figures Fathom has no aggregate for, computed from an event report's totals and the site's visits over
 * the same dates and filters (ReportResult.siteVisits): conversion rate, revenue per visitor and average
 * order value. Each says how it was computed; one that cannot be (a metric or the visits missing, a
 * division by zero) is left out or null. Isomorphic and pure.
 */
import type { ReportResult, ReportTotals } from "@/lib/query/report-result";

export type ComputedRateKey = "conversion_rate" | "revenue_per_visitor" | "average_order_value";

export type ComputedRate = {
  key: ComputedRateKey;
  label: string;
  /** How it is computed, said beside it. */
  formula: string;
  format: "percent" | "money";
  /** Null when the divisor is zero. */
  value: number | null;
  /** The comparison period's, when the report compares and it can be computed there. */
  previous?: number | null;
};

type Source = { totals: ReportTotals; siteVisits?: number };

const ratio = (numerator: number | undefined, denominator: number | undefined): number | null | undefined =>
  numerator === undefined || denominator === undefined ? undefined : denominator === 0 ? null : numerator / denominator;

const RATES: ReadonlyArray<{ key: ComputedRateKey; label: string; formula: string; format: ComputedRate["format"]; of: (source: Source) => number | null | undefined }> = [
  {
    key: "conversion_rate",
    label: "Conversion rate",
    formula: "unique completions ÷ site visits",
    format: "percent",
    of: ({ totals, siteVisits }) => ratio(totals.unique_conversions, siteVisits),
  },
  {
    key: "revenue_per_visitor",
    label: "Revenue per visitor",
    formula: "value ÷ site visits",
    format: "money",
    of: ({ totals, siteVisits }) => ratio(totals.value, siteVisits),
  },
  {
    key: "average_order_value",
    label: "Avg. order value",
    formula: "value ÷ completions",
    format: "money",
    of: ({ totals }) => ratio(totals.value, totals.conversions),
  },
];

/** The rates an event report's answer allows, in a fixed order; none for a pageview report. */
export function computedRates(result: Pick<ReportResult, "query" | "totals" | "siteVisits" | "comparison">): ComputedRate[] {
  if (result.query.entity !== "event") return [];
  const rates: ComputedRate[] = [];
  for (const rate of RATES) {
    const value = rate.of(result);
    if (value === undefined) continue;
    const previous = result.comparison && result.query.compare !== "none" ? rate.of(result.comparison) : undefined;
    rates.push({ key: rate.key, label: rate.label, formula: rate.formula, format: rate.format, value, ...(previous !== undefined ? { previous } : {}) });
  }
  return rates;
}
