"use client";
import type { ReactNode } from "react";
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
  /** A bar's label (Explore: its values as filter buttons); its text otherwise. */
  renderLabel?: (datum: BarDatum, index: number) => ReactNode;
};

/** The least height of a bar's band: two lines of 12px labels. */
const ROW_HEIGHT = 32;

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

/** The chart's margins: the label column lines up with the bars by them. */
const MARGIN = { top: 4, right: 16, bottom: 4, left: 4 };
/** Recharts' default height of the value axis under the bars. */
const AXIS_HEIGHT = 30;
/** The chart is never shorter than this, so one or two bars are not slivers. */
const MIN_HEIGHT = 120;

/** Each bar's band: two lines of label fit in one; few bars get taller bands up to the minimum height. */
export function barBand(count: number): number {
  const spare = MIN_HEIGHT - MARGIN.top - MARGIN.bottom - AXIS_HEIGHT;
  return Math.max(ROW_HEIGHT, Math.floor(spare / Math.max(1, count)));
}

/** A label as text: up to two lines, then cut, with the whole of it on hover. */
function BarLabelText({ datum }: { datum: BarDatum }) {
  return (
    <span className="line-clamp-2 [overflow-wrap:anywhere]" title={datum.raw ? `${datum.label} (${datum.raw})` : datum.label}>
      {datum.label}
    </span>
  );
}

/**
 * Rows of a field grouping as horizontal bars, in the order given. The labels are HTML beside the drawing,
 * not axis text: a long one wraps to two lines and is cut after (whole on hover), the column takes close
 * to half a phone's width, and a label can be a control (`renderLabel`: Explore's filter buttons), which
 * an SVG tick cannot be. Without `renderLabel` the labels are decoration: the summary names the bars.
 */
export function FieldBarChart({ data, metric, groupLabel, currency, direction = "desc", scope, renderLabel }: FieldBarChartProps) {
  const band = barBand(data.length);
  const height = data.length * band + MARGIN.top + MARGIN.bottom + AXIS_HEIGHT;
  return (
    <div className="flex w-full min-w-0 items-start" data-bar-chart="">
      <div className="w-[45%] shrink-0 pr-2 text-xs leading-tight sm:w-56" style={{ paddingTop: MARGIN.top }} aria-hidden={renderLabel ? undefined : true} data-bar-labels="">
        {data.map((datum, index) => (
          <div key={index} className="flex min-w-0 items-center justify-end text-right" style={{ height: band }} data-bar-label={datum.spoken ?? datum.label}>
            {renderLabel ? <span className="line-clamp-2 [overflow-wrap:anywhere]">{renderLabel(datum, index)}</span> : <BarLabelText datum={datum} />}
          </div>
        ))}
      </div>
      <div className="min-w-0 flex-1">
        <ChartFrame summary={barSummary({ metric, currency, data, groupLabel, direction, scope })} height={height}>
          <BarChart data={data} layout="vertical" accessibilityLayer={false} margin={MARGIN}>
            <CartesianGrid horizontal={false} stroke={CHART_COLORS.grid} />
            <XAxis
              type="number"
              height={AXIS_HEIGHT}
              {...valueAxis(
                metric,
                currency,
                data.map((datum) => datum.value),
              )}
              {...AXIS_PROPS}
            />
            <YAxis type="category" dataKey="label" hide />
            <Tooltip content={(tooltip) => <BarTooltip active={tooltip.active} payload={tooltip.payload} metric={metric} currency={currency} />} cursor={{ fill: CHART_COLORS.grid, fillOpacity: 0.4 }} />
            <Bar dataKey="value" fill={CHART_COLORS.main} radius={[0, 3, 3, 0]} maxBarSize={20} isAnimationActive={false} />
          </BarChart>
        </ChartFrame>
      </div>
    </div>
  );
}
