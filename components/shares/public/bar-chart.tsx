import { formatMetric } from "@/lib/format/format-metric";
import type { Aggregate, EventCurrency } from "@/lib/query/fathom-fields";
import type { BarDatum } from "@/lib/reports/chart-data";
import { barSummary } from "@/lib/reports/chart-summary";
import { ACCENT } from "./share-accent";
import { barPercent, shortLabel } from "./chart-geometry";

export type BarChartProps = {
  data: readonly BarDatum[];
  metric: Aggregate;
  currency: EventCurrency | null;
  /** What the rows are grouped by ("Page", "Browser · Country"). */
  groupLabel: string;
};

// One row per datum: its label and value on a line, the bar under them. Lengths in percent of the SVG's width,
// so the server draws it without knowing the width and the text stays at its real size on a phone.
const ROW = 36;
const BAR = 8;

/** The top rows of a field grouping as horizontal bars, a static SVG; the table has every row in full. */
export function BarChart({ data, metric, currency, groupLabel }: BarChartProps) {
  const max = Math.max(0, ...data.map((datum) => datum.value));
  return (
    <svg
      role="img"
      aria-label={barSummary({ metric, currency, data, groupLabel })}
      width="100%"
      height={Math.max(1, data.length) * ROW}
      className="block overflow-visible text-xs"
      data-share-chart="bar"
    >
      {data.map((datum, index) => {
        const y = index * ROW;
        return (
          <g key={`${index}-${datum.label}`}>
            <text x="0" y={y + 13} className="fill-ink">
              {shortLabel(datum.label)}
              <title>{datum.label}</title>
            </text>
            <text x="100%" y={y + 13} textAnchor="end" className="fill-ink tabular-nums">
              {formatMetric(metric, datum.value, { currency })}
            </text>
            <rect x="0" y={y + 19} width="100%" height={BAR} rx={2} className="fill-line" />
            <rect x="0" y={y + 19} width={`${barPercent(datum.value, max)}%`} height={BAR} rx={2} style={{ fill: ACCENT }} />
          </g>
        );
      })}
    </svg>
  );
}
