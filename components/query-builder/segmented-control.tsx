"use client";
import { ToggleGroup } from "radix-ui";
import { useId } from "react";
import { ControlMessages, labelClass } from "./control-field";

/**
 * One choice among a few, as a row of toggles (radix ToggleGroup: a radio group to screen readers,
 * arrow keys move between the options). A click on the chosen option keeps it chosen.
 */
export function SegmentedControl<V extends string>({
  label,
  value,
  options,
  onChange,
  messages = [],
}: {
  label: string;
  value: V;
  options: ReadonlyArray<{ value: V; label: string }>;
  onChange: (value: V) => void;
  messages?: readonly string[];
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <span id={`${id}-label`} className={labelClass}>
        {label}
      </span>
      <ToggleGroup.Root
        type="single"
        value={value}
        onValueChange={(next) => {
          if (next) onChange(next as V);
        }}
        aria-labelledby={`${id}-label`}
        aria-describedby={messages.length ? `${id}-messages` : undefined}
        className="flex flex-wrap gap-1 rounded-md border border-line bg-canvas p-0.5"
      >
        {options.map((option) => (
          <ToggleGroup.Item
            key={option.value}
            value={option.value}
            className="flex-1 whitespace-nowrap rounded px-2 py-1 text-sm text-ink data-[state=on]:bg-surface data-[state=on]:font-medium data-[state=on]:shadow-sm"
          >
            {option.label}
          </ToggleGroup.Item>
        ))}
      </ToggleGroup.Root>
      <ControlMessages id={`${id}-messages`} messages={messages} />
    </div>
  );
}
