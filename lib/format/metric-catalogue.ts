/**
 * What each Fathom aggregate means to a reader: its label, a one-line description, how to format it and
 * whether a rise is good news. Isomorphic: the query rules, the builder, the cards and the table read it.
 */
import type { Aggregate, Entity } from "@/lib/query/fathom-fields";

/** How a metric's number is shown (see format-metric.ts). */
export type MetricFormat = "count" | "duration" | "percent" | "money";

export type MetricInfo = {
  label: string;
  description: string;
  entity: Entity;
  format: MetricFormat;
  /** Whether a higher value is good news (colours the change against the comparison period). */
  upIsGood: boolean;
  /** Whether a total may be computed by adding rows up. Uniques, visits and ratios never can. */
  additive: boolean;
};

export const METRIC_CATALOGUE: Record<Aggregate, MetricInfo> = {
  visits: {
    label: "Visits",
    description: "Sessions on the site: a person arriving, however many pages they then view.",
    entity: "pageview",
    format: "count",
    upIsGood: true,
    additive: false,
  },
  uniques: {
    label: "Unique visitors",
    description: "People who viewed a page, each counted once per page in the period.",
    entity: "pageview",
    format: "count",
    upIsGood: true,
    additive: false,
  },
  pageviews: {
    label: "Pageviews",
    description: "Every page loaded, including repeat views by the same person.",
    entity: "pageview",
    format: "count",
    upIsGood: true,
    additive: true,
  },
  avg_duration: {
    label: "Avg. time on site",
    description: "How long a visit lasts on average.",
    entity: "pageview",
    format: "duration",
    upIsGood: true,
    additive: false,
  },
  bounce_rate: {
    label: "Bounce rate",
    description: "The share of visits that viewed one page and left. Lower is better.",
    entity: "pageview",
    format: "percent",
    upIsGood: false,
    additive: false,
  },
  conversions: {
    label: "Completions",
    description: "Every time the event happened.",
    entity: "event",
    format: "count",
    upIsGood: true,
    additive: true,
  },
  unique_conversions: {
    label: "Unique completions",
    description: "People who completed the event, each counted once.",
    entity: "event",
    format: "count",
    upIsGood: true,
    additive: false,
  },
  value: {
    label: "Value",
    description: "The total value attached to the event's completions, in the event's currency.",
    entity: "event",
    format: "money",
    upIsGood: true,
    additive: true,
  },
};

export function metricInfo(metric: Aggregate): MetricInfo {
  return METRIC_CATALOGUE[metric];
}

export function metricLabel(metric: Aggregate): string {
  return METRIC_CATALOGUE[metric].label;
}
