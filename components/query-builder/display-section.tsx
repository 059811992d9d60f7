"use client";
import { CHART_LABELS, COMPARISON_LABELS } from "@/lib/format/labels";
import { CHART_KINDS, type Comparison } from "@/lib/query/report-query";
import { messagesAt, type BuilderSectionProps } from "./builder-messages";
import { SegmentedControl } from "./segmented-control";

/** The three kinds of comparison; "matching weekdays" is a refinement of the previous period, a checkbox. */
type CompareChoice = Exclude<Comparison, "previous_period_weekday">;
const COMPARISON_OPTIONS = (["none", "previous_period", "previous_year"] as const).map((value) => ({ value, label: COMPARISON_LABELS[value] }));
const CHART_OPTIONS = CHART_KINDS.map((value) => ({ value, label: CHART_LABELS[value] }));

/** Comparison period and chart kind. */
export function DisplaySection({ value, onChange, messages }: BuilderSectionProps) {
  const choice: CompareChoice = value.compare === "previous_period_weekday" ? "previous_period" : value.compare;
  const weekdays = value.compare === "previous_period_weekday";
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-col gap-1.5">
        <SegmentedControl
          label="Compare with"
          value={choice}
          options={COMPARISON_OPTIONS}
          onChange={(compare) => onChange({ ...value, compare: compare === "previous_period" && weekdays ? "previous_period_weekday" : compare })}
          messages={messagesAt(messages, "compare")}
        />
        {choice === "previous_period" ? (
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-0.5 h-4 w-4 accent-[rgb(var(--accent))]"
              checked={weekdays}
              onChange={(event) => onChange({ ...value, compare: event.target.checked ? "previous_period_weekday" : "previous_period" })}
            />
            <span>
              Match day of week
              <span className="block text-xs text-muted">Shift back by whole weeks, so Mondays compare with Mondays.</span>
            </span>
          </label>
        ) : null}
      </div>
      <SegmentedControl
        label="Chart"
        value={value.chart}
        options={CHART_OPTIONS}
        onChange={(chart) => onChange({ ...value, chart })}
        messages={messagesAt(messages, "chart")}
      />
    </div>
  );
}
