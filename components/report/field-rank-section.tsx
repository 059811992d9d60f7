"use client";
import { useId, useState } from "react";
import { FieldBarChart } from "@/components/charts/field-bar-chart";
import { type Aggregate, type EventCurrency, metricLabel } from "@/lib/query/fathom-fields";
import type { ReportQuery } from "@/lib/query/report-query";
import type { ReportRow } from "@/lib/query/report-result";
import { barDatum } from "@/lib/reports/chart-data";
import { valueParts } from "@/lib/reports/click-filter";
import { MINIMUM_CHOICES, isRateMetric, minimumScope, rankedRows, rankingTitle, suggestedVolumeMetric, volumeMetric, type Ranking } from "@/lib/reports/field-ranking";
import { ChartCard } from "./chart-card";
import { ValueParts, type OnFilter } from "./filter-target";

export type FieldRankSectionProps = {
  query: Pick<ReportQuery, "entity" | "metrics" | "by" | "filters">;
  rows: readonly ReportRow[];
  ranking: Ranking;
  groupLabel: string;
  currency?: EventCurrency | null;
  titleLevel: 2 | 3;
  /** Explore's action on a bar's value clicked: add it as a filter. */
  onFilter?: OnFilter;
};

/**
 * The rows of a field grouping as bars, ranked as the report is sorted. Ranked by a rate or an average,
 * a "Min. visits" choice beside the chart leaves out rows with too few visits to say much (the chart only:
 * the table keeps them); without a count to go by, a hint says which metric to add.
 */
export function FieldRankSection({ query, rows, ranking, groupLabel, currency, titleLevel, onFilter }: FieldRankSectionProps) {
  const [chosen, setChosen] = useState(0);
  const rate = isRateMetric(ranking.metric);
  const volume = rate ? volumeMetric(query.entity, query.metrics) : null;
  const minimum = volume && chosen > 0 ? { metric: volume, value: chosen } : null;
  const ranked = rankedRows(rows, ranking, minimum);
  const data = ranked.map((row) => barDatum(row, ranking.metric, query.by));
  const renderLabel = onFilter ? (_: unknown, index: number) => <ValueParts parts={valueParts(query, query.by, ranked[index]!.fields)} onFilter={onFilter} /> : undefined;
  const scope = minimumScope(minimum, query.by);

  return (
    <ChartCard title={rankingTitle({ shown: data.length, ranking, minimum, by: query.by })} titleLevel={titleLevel}>
      <div className="flex flex-col gap-2" data-chart="field" data-rank-metric={ranking.metric} data-rank-direction={ranking.direction} data-min-volume={minimum?.value ?? 0}>
        {volume ? <MinimumSelect volume={volume} value={chosen} onChange={setChosen} /> : null}
        {rate && !volume ? <MinimumHint metric={suggestedVolumeMetric(query.entity)} /> : null}
        {data.length > 0 ? (
          <FieldBarChart data={data} metric={ranking.metric} groupLabel={groupLabel} currency={currency} direction={ranking.direction} scope={scope ?? undefined} renderLabel={renderLabel} />
        ) : (
          <p className="text-sm text-muted">{scope ? `No ${scope} — pick a lower minimum.` : "No rows have a figure to rank."}</p>
        )}
      </div>
    </ChartCard>
  );
}

function MinimumSelect({ volume, value, onChange }: { volume: Aggregate; value: number; onChange: (value: number) => void }) {
  const id = useId();
  return (
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor={id} className="text-muted">
        Min. {metricLabel(volume).toLowerCase()}
      </label>
      <select id={id} value={value} onChange={(event) => onChange(Number(event.target.value))} className="rounded-md border border-line bg-surface px-2 py-1">
        {MINIMUM_CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            {choice === 0 ? "any" : choice.toLocaleString("en-US")}
          </option>
        ))}
      </select>
    </div>
  );
}

function MinimumHint({ metric }: { metric: Aggregate }) {
  const label = metricLabel(metric);
  return (
    <p className="text-xs text-muted" data-min-volume-hint>
      Add {label} to the report&apos;s metrics to rank only rows with enough {label.toLowerCase()}.
    </p>
  );
}
