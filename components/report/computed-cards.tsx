"use client";
import { formatComparedRange } from "@/lib/format/format-date";
import { formatMoney } from "@/lib/format/format-money";
import { formatChange, formatPercent, NO_VALUE, numberFormat, DEFAULT_LOCALE } from "@/lib/format/format-number";
import type { EventCurrency } from "@/lib/query/fathom-fields";
import type { ReportRange } from "@/lib/query/report-result";
import type { ComputedRate } from "@/lib/reports/computed-rates";
import { TONE_CLASS } from "./metric-cards";

function shown(rate: Pick<ComputedRate, "format">, value: number | null | undefined, currency: EventCurrency | null | undefined): string {
  if (value === null || value === undefined) return NO_VALUE;
  return rate.format === "percent" ? formatPercent(value) : formatMoney(value, currency);
}

/** A rate's change in points (conversion rate 3% → 2% is −1 pts), money's relative; up is good for all three. */
function change(rate: ComputedRate): { text: string; direction: number } | null {
  const { value, previous } = rate;
  if (value === null || previous === null || previous === undefined) return null;
  if (rate.format === "percent") {
    const points = (value - previous) * 100;
    return { text: `${numberFormat(DEFAULT_LOCALE, { maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(points)} pts`, direction: Math.sign(points) };
  }
  if (previous === 0) return null;
  return { text: formatChange(value, previous), direction: Math.sign(value - previous) };
}

/**
 * The figures computed from an event's totals and the site's visits (conversion rate, revenue per visitor,
 * average order value), as cards that say they are computed and how.
 */
export function ComputedCards({ rates, currency, comparisonRange }: { rates: ComputedRate[]; currency?: EventCurrency | null; comparisonRange?: ReportRange }) {
  if (rates.length === 0) return null;
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-4" aria-label="Computed figures">
      {rates.map((rate) => {
        const delta = comparisonRange ? change(rate) : null;
        const tone = !delta || delta.direction === 0 ? "neutral" : delta.direction > 0 ? "good" : "bad";
        return (
          <li key={rate.key} data-computed={rate.key} className="rounded-lg border border-dashed border-line bg-surface p-3 shadow-sm">
            <span className="flex items-baseline justify-between gap-2 text-xs font-medium text-muted">
              {rate.label}
              <span className="rounded bg-canvas px-1 text-[0.7rem] font-normal">computed</span>
            </span>
            <span className="mt-1 block text-2xl font-semibold tabular-nums">{shown(rate, rate.value, currency)}</span>
            {delta && comparisonRange ? (
              <p className="mt-1 text-xs">
                <span data-tone={tone} className={`font-medium tabular-nums ${TONE_CLASS[tone]}`}>
                  {delta.direction > 0 ? "▲" : delta.direction < 0 ? "▼" : ""} {delta.text}
                </span>{" "}
                <span className="text-muted">
                  vs {formatComparedRange(comparisonRange)} ({shown(rate, rate.previous, currency)})
                </span>
              </p>
            ) : null}
            <span className="mt-1 block text-xs text-muted">{rate.formula}</span>
          </li>
        );
      })}
    </ul>
  );
}
