import { formatDateRange } from "@/lib/format/format-date";
import { changeTone, formatMetric, type ChangeTone } from "@/lib/format/format-metric";
import { formatChange, percentChange } from "@/lib/format/format-number";
import { type Aggregate, type EventCurrency, metricInfo } from "@/lib/query/fathom-fields";
import type { ReportRange } from "@/lib/query/report-result";
import type { ShareReportResult } from "@/lib/shares/share-view";

const TONE_CLASS: Record<ChangeTone, string> = { good: "text-good", bad: "text-bad", neutral: "text-muted" };

type ChangeProps = { metric: Aggregate; current: number; previous: number; range: ReportRange; currency: EventCurrency | null };

/** The change against the compared dates, written out: the arrow is for the eye, the words for a screen reader. */
function Change({ metric, current, previous, range, currency }: ChangeProps) {
  const change = percentChange(current, previous);
  const tone = changeTone(metric, current, previous);
  const dates = formatDateRange(range.startDate, range.endDate);
  return (
    <dd className="mt-1 text-xs" data-change={tone}>
      {change === null || change === 0 ? (
        <span className="font-medium text-muted">{change === 0 ? "No change" : "No figures to compare"}</span>
      ) : (
        <span className={`font-medium tabular-nums ${TONE_CLASS[tone]}`}>
          <span aria-hidden="true">{change > 0 ? "▲" : "▼"} </span>
          <span className="sr-only">{change > 0 ? "Up " : "Down "}</span>
          {formatChange(current, previous).replace(/^[+-]/, "")}
        </span>
      )}{" "}
      <span className="text-muted">
        vs {dates} ({formatMetric(metric, previous, { currency })})
      </span>
    </dd>
  );
}

/** The period's totals, one figure per metric, with the change against the comparison when the report has one. */
export function FigureCards({ result }: { result: ShareReportResult }) {
  const comparison = result.compare !== "none" ? result.comparison : undefined;
  return (
    <dl className="grid grid-cols-[repeat(auto-fill,minmax(9rem,1fr))] gap-3" data-share-cards>
      {result.metrics.map((metric) => {
        const current = result.totals[metric];
        const previous = comparison?.totals[metric];
        return (
          <div key={metric} className="min-w-0 rounded-lg border border-line bg-canvas p-3" data-metric={metric}>
            <dt className="text-xs font-medium text-muted">{metricInfo(metric).label}</dt>
            <dd className="mt-1 text-xl font-semibold tabular-nums wrap-anywhere">
              {current === undefined ? "—" : formatMetric(metric, current, { currency: result.currency })}
            </dd>
            {comparison && current !== undefined && previous !== undefined ? (
              <Change metric={metric} current={current} previous={previous} range={comparison.range} currency={result.currency} />
            ) : null}
          </div>
        );
      })}
    </dl>
  );
}
