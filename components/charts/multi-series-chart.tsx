"use client";
import type { ReactNode } from "react";
import { Area, Bar, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { type Aggregate, type DateGrouping, type EventCurrency, metricLabel } from "@/lib/query/fathom-fields";
import { bucketLabel, type DrawnKind } from "@/lib/reports/chart-data";
import { OTHER_KEY, type MultiSeries, type Series } from "@/lib/reports/multi-series";
import { multiSeriesSummary } from "@/lib/reports/chart-summary";
import { ChartFrame } from "./chart-frame";
import { ChartLegend } from "./chart-legend";
import { AXIS_PROPS, CHART_COLORS, TOOLTIP_BOX, bucketTick, metricValue, seriesColor, valueAxis } from "./chart-format";

export type MultiSeriesChartProps = {
  chart: MultiSeries;
  metric: Aggregate;
  grouping: DateGrouping;
  kind: DrawnKind;
  /** What the series are: "Page", "Page · Browser". */
  groupLabel: string;
  currency?: EventCurrency | null;
  /** A series' legend entry (Explore: its values as filter buttons); its name otherwise. */
  seriesLabel?: (series: Series) => ReactNode;
};

type TooltipProps = Pick<TooltipContentProps, "active" | "payload" | "label"> & Pick<MultiSeriesChartProps, "chart" | "metric" | "grouping" | "currency">;

/** A bucket's figure for each series, under the bucket and the metric they are in. */
export function MultiTooltip({ active, payload, label, chart, metric, grouping, currency }: TooltipProps) {
  const point = payload?.[0]?.payload as Record<string, unknown> | undefined;
  if (!active || !point) return null;
  return (
    <div className={TOOLTIP_BOX}>
      <p className="font-medium">{typeof label === "string" ? bucketLabel(label, grouping) : null}</p>
      <p className="text-muted">{metricLabel(metric)}</p>
      <ul>
        {chart.series.map((series, index) => (
          <li key={series.key} className="flex items-center gap-2 tabular-nums">
            <span aria-hidden="true" className="inline-block size-2 rounded-full" style={{ background: seriesColor(index, series.key === OTHER_KEY) }} />
            <span className="max-w-48 truncate">{series.name}</span>
            <span className="ml-auto pl-3">{metricValue(metric, point[series.key], currency)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Every figure the value axis must reach: each point's sum when the series stack, else each value. */
function stackedValues({ series, points }: MultiSeries, stacked: boolean): number[] {
  return points.flatMap((point) => {
    const values = series.map((item) => point[item.key]).filter((value): value is number => typeof value === "number");
    return stacked ? [values.reduce((sum, value) => sum + value, 0)] : values;
  });
}

/**
 * A report grouped by date and a field: the top five groups as series (plus "Other" when the metric
 * adds up). Bars and areas stack, so "Other" reads as the rest of the total; lines don't.
 */
export function MultiSeriesChart({ chart, metric, grouping, kind, groupLabel, currency, seriesLabel }: MultiSeriesChartProps) {
  const summary = multiSeriesSummary({ metric, currency, kind, grouping, series: chart.series, groupLabel });
  const stack = kind === "line" ? undefined : "groups";
  const legend = chart.series.map((series, index) => ({
    key: series.key,
    swatch: { color: seriesColor(index, series.key === OTHER_KEY), shape: kind === "line" ? ("line" as const) : ("square" as const) },
    label: seriesLabel ? seriesLabel(series) : <span title={series.name}>{series.name}</span>,
  }));
  return (
    <div className="flex flex-col gap-2">
      <ChartFrame summary={summary} height={288}>
        <ComposedChart data={chart.points} accessibilityLayer={false} margin={{ top: 8, right: 12, bottom: 4, left: 4 }}>
          <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
          <XAxis dataKey="bucket" tickFormatter={bucketTick(grouping)} minTickGap={24} {...AXIS_PROPS} />
          <YAxis width={60} {...valueAxis(metric, currency, stackedValues(chart, kind !== "line"))} {...AXIS_PROPS} />
          <Tooltip
            content={(tooltip) => (
              <MultiTooltip active={tooltip.active} payload={tooltip.payload} label={tooltip.label} chart={chart} metric={metric} grouping={grouping} currency={currency} />
            )}
          />
          {chart.series.map((series, index) => {
            const color = seriesColor(index, series.key === OTHER_KEY);
            const common = { dataKey: series.key, name: series.name, isAnimationActive: false };
            if (kind === "bar") return <Bar key={series.key} {...common} stackId={stack} fill={color} maxBarSize={40} />;
            if (kind === "area") return <Area key={series.key} {...common} stackId={stack} type="monotone" stroke={color} fill={color} fillOpacity={0.25} />;
            return <Line key={series.key} {...common} type="monotone" stroke={color} strokeWidth={2} dot={false} />;
          })}
        </ComposedChart>
      </ChartFrame>
      <ChartLegend entries={legend} />
    </div>
  );
}
