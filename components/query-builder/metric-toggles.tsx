"use client";
import { Checkbox } from "radix-ui";
import { useId } from "react";
import { AGGREGATES_BY_ENTITY, metricInfo } from "@/lib/query/fathom-fields";
import { messagesAt, type BuilderSectionProps } from "./builder-messages";
import { ControlMessages, labelClass } from "./control-field";
import { toggleMetric } from "@/lib/query/query-edits";

/** A checkbox per metric the entity offers (pageviews: visits, uniques…; events: completions, value). */
export function MetricToggles({
  value,
  onChange,
  messages,
}: BuilderSectionProps) {
  const id = useId();
  const problems = messagesAt(messages, "metrics");
  return (
    <fieldset className="flex flex-col gap-1" aria-describedby={problems.length ? `${id}-messages` : undefined}>
      <legend className={`${labelClass} mb-1`}>Metrics</legend>
      <div className="grid grid-cols-1 gap-1 sm:grid-cols-2 lg:grid-cols-1 xl:grid-cols-2">
        {AGGREGATES_BY_ENTITY[value.entity].map((metric) => {
          const info = metricInfo(metric);
          const checkboxId = `${id}-${metric}`;
          return (
            <div key={metric} className="flex items-center gap-2" title={info.description}>
              <Checkbox.Root
                id={checkboxId}
                checked={value.metrics.includes(metric)}
                onCheckedChange={(checked) => onChange(toggleMetric(value, metric, checked === true))}
                className="flex h-4 w-4 shrink-0 items-center justify-center rounded border border-muted bg-surface data-[state=checked]:border-accent data-[state=checked]:bg-accent"
              >
                <Checkbox.Indicator className="text-[10px] leading-none text-accent-ink" aria-hidden>
                  ✓
                </Checkbox.Indicator>
              </Checkbox.Root>
              <label htmlFor={checkboxId} className="text-sm">
                {info.label}
              </label>
            </div>
          );
        })}
      </div>
      <ControlMessages id={`${id}-messages`} messages={problems} />
    </fieldset>
  );
}
