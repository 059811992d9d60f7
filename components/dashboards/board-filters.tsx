"use client";
import { Popover } from "radix-ui";
import { useId, useRef, useState, type FormEvent } from "react";
import { ControlMessages, controlClass, labelClass } from "@/components/query-builder/control-field";
import { Button, buttonClass } from "@/components/ui/button";
import { filterProblem } from "@/lib/dashboards/dashboard-url";
import { filterText } from "@/lib/dashboards/describe-dashboard-changes";
import { mergeFilters } from "@/lib/dashboards/tile-query";
import { FILTER_PROPERTIES, fieldLabel, operatorLabel, operatorsFor, type FilterOperator, type FilterProperty } from "@/lib/query/fathom-fields";
import { MAX_FILTERS, type ReportFilter } from "@/lib/query/report-query";

/**
 * The board's filters: each one a chip with its own remove button, and "Add filter", a small form that
 * applies one whole filter at a time (typing a value never re-runs every tile per keystroke).
 */
export function BoardFilters({ filters, onChange }: { filters: readonly ReportFilter[]; onChange: (filters: ReportFilter[]) => void }) {
  const [open, setOpen] = useState(false);
  const labelId = useId();
  return (
    <div className="flex flex-col gap-1">
      <span className={labelClass} id={labelId}>
        Filters
      </span>
      <ul aria-labelledby={labelId} className="flex flex-wrap items-center gap-2">
        {filters.length === 0 ? <li className="text-sm text-muted">None: each report’s own filters only.</li> : null}
        {filters.map((filter, index) => (
          <li key={`${filter.property}~${filter.operator}~${filter.value}`} className="flex items-center gap-1 rounded-full border border-line bg-surface py-0.5 pr-1 pl-3 text-sm">
            <span>{filterText(filter)}</span>
            <button
              type="button"
              className="rounded-full px-1.5 text-muted hover:bg-line/50 hover:text-ink"
              aria-label={`Remove filter: ${filterText(filter)}`}
              onClick={() => onChange(filters.filter((_, at) => at !== index))}
            >
              ×
            </button>
          </li>
        ))}
        {filters.length < MAX_FILTERS ? (
          <li>
            <Popover.Root open={open} onOpenChange={setOpen}>
              <Popover.Trigger className={buttonClass("secondary", "py-1")}>Add filter</Popover.Trigger>
              <Popover.Portal>
                <Popover.Content align="start" sideOffset={6} className="z-50 w-80 max-w-[calc(100vw-2rem)] rounded-lg border border-line bg-surface p-3 text-ink shadow-lg">
                  <AddFilterForm
                    onAdd={(filter) => {
                      onChange(mergeFilters(filters, [filter]));
                      setOpen(false);
                    }}
                  />
                </Popover.Content>
              </Popover.Portal>
            </Popover.Root>
          </li>
        ) : null}
      </ul>
    </div>
  );
}

function AddFilterForm({ onAdd }: { onAdd: (filter: ReportFilter) => void }) {
  const id = useId();
  const [property, setProperty] = useState<FilterProperty>("pathname");
  const [operator, setOperator] = useState<FilterOperator>("is");
  const [value, setValue] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const valueRef = useRef<HTMLInputElement>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const filter = { property, operator, value: value.trim() };
    const found = filterProblem(filter);
    setProblem(found);
    if (found === null) onAdd(filter);
    // Back on the value, whose description now says what is wrong.
    else valueRef.current?.focus();
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-2" aria-label="Add a filter to every following report tile">
      <label className={labelClass} htmlFor={`${id}-property`}>
        Property
      </label>
      <select
        id={`${id}-property`}
        className={controlClass}
        value={property}
        onChange={(event) => {
          const next = event.target.value as FilterProperty;
          setProperty(next);
          if (!operatorsFor(next).includes(operator)) setOperator("is");
        }}
      >
        {FILTER_PROPERTIES.map((choice) => (
          <option key={choice} value={choice}>
            {fieldLabel(choice)}
          </option>
        ))}
      </select>
      <label className={labelClass} htmlFor={`${id}-operator`}>
        Operator
      </label>
      <select id={`${id}-operator`} className={controlClass} value={operator} onChange={(event) => setOperator(event.target.value as FilterOperator)}>
        {operatorsFor(property).map((choice) => (
          <option key={choice} value={choice}>
            {operatorLabel(choice)}
          </option>
        ))}
      </select>
      <label className={labelClass} htmlFor={`${id}-value`}>
        Value
      </label>
      <input
        id={`${id}-value`}
        ref={valueRef}
        className={controlClass}
        value={value}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        placeholder={property === "country_code" ? "DE" : "/pricing"}
        onChange={(event) => setValue(event.target.value)}
      />
      <ControlMessages id={`${id}-problem`} messages={problem ? [problem] : []} />
      <Button type="submit" className="self-start">
        Add filter
      </Button>
    </form>
  );
}
