"use client";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import type { Aggregate, EventCurrency } from "@/lib/query/fathom-fields";
import type { BarDatum } from "@/lib/reports/chart-data";
import { barSummary } from "@/lib/reports/chart-summary";
import { ChartFrame } from "./chart-frame";
import { AXIS_PROPS, CHART_COLORS, TOOLTIP_BOX, namedValue, valueAxis } from "./chart-format";

export type FieldBarChartProps = {
  data: BarDatum[];
  metric: Aggregate;
  /** What the bars are: "Page", "Page · Browser". */
  groupLabel: string;
  currency?: EventCurrency | null;
  /** "asc" when the bars are the lowest first (the report is sorted that way); biggest first otherwise. */
  direction?: "asc" | "desc";
  /** What the bars are limited to, for the summary: "pages with at least 50 visits". */
  scope?: string;
};

const ROW_HEIGHT = 28;

type TooltipProps = Pick<TooltipContentProps, "active" | "payload"> & Pick<FieldBarChartProps, "metric" | "currency">;

export function BarTooltip({ active, payload, metric, currency }: TooltipProps) {
  const datum = payload?.[0]?.payload as BarDatum | undefined;
  if (!active || !datum) return null;
  return (
    <div className={TOOLTIP_BOX}>
      <p className="max-w-xs font-medium break-all">
        {datum.label}
        {datum.raw ? <span className="font-normal text-muted"> ({datum.raw})</span> : null}
      </p>
      <p className="tabular-nums">{namedValue(metric, datum.value, currency)}</p>
    </div>
  );
}

/** Long labels are cut on the axis; the tooltip and the table have them in full. */
function shortLabel(label: unknown): string {
  const text = String(label ?? "");
  return text.length > 22 ? `${text.slice(0, 21)}…` : text;
}

/** Rows of a field grouping as horizontal bars, in the order given (labels stay readable on a phone). */
export function FieldBarChart({ data, metric, groupLabel, currency, direction = "desc", scope }: FieldBarChartProps) {
  const height = Math.max(120, data.length * ROW_HEIGHT + 40);
  return (
    <ChartFrame summary={barSummary({ metric, currency, data, groupLabel, direction, scope })} height={height}>
      <BarChart data={data} layout="vertical" accessibilityLayer={false} margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
        <CartesianGrid horizontal={false} stroke={CHART_COLORS.grid} />
        <XAxis
          type="number"
          {...valueAxis(
            metric,
            currency,
            data.map((datum) => datum.value),
          )}
          {...AXIS_PROPS}
        />
        <YAxis type="category" dataKey="label" width={150} tickFormatter={shortLabel} interval={0} {...AXIS_PROPS} />
        <Tooltip content={(tooltip) => <BarTooltip active={tooltip.active} payload={tooltip.payload} metric={metric} currency={currency} />} cursor={{ fill: CHART_COLORS.grid, fillOpacity: 0.4 }} />
        <Bar dataKey="value" fill={CHART_COLORS.main} radius={[0, 3, 3, 0]} maxBarSize={20} isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}
