"use client";
import { CHART_LABELS, COMPARISON_LABELS } from "@/lib/format/labels";
import { CHART_KINDS, COMPARISONS } from "@/lib/query/report-query";
import { messagesAt, type BuilderSectionProps } from "./builder-messages";
import { SegmentedControl } from "./segmented-control";

const COMPARISON_OPTIONS = COMPARISONS.map((value) => ({ value, label: COMPARISON_LABELS[value] }));
const CHART_OPTIONS = CHART_KINDS.map((value) => ({ value, label: CHART_LABELS[value] }));

/** Comparison period and chart kind. */
export function DisplaySection({
  value,
  onChange,
  messages,
}: BuilderSectionProps) {
  return (
    <div className="flex flex-col gap-3">
      <SegmentedControl
        label="Compare with"
        value={value.compare}
        options={COMPARISON_OPTIONS}
        onChange={(compare) => onChange({ ...value, compare })}
        messages={messagesAt(messages, "compare")}
      />
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
