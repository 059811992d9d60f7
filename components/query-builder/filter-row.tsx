"use client";
import { useId, useMemo, type Ref } from "react";
import { buttonClass } from "@/components/ui/button";
import { FILTER_PROPERTIES, fieldLabel, isPatternOperator, operatorLabel, operatorsFor, type FilterOperator, type FilterProperty } from "@/lib/query/fathom-fields";
import type { QueryMessages, ReportFilter } from "@/lib/query/report-query";
import type { ReportResult } from "@/lib/query/report-result";
import { messagesAt } from "./builder-messages";
import { ControlMessages, controlClass } from "./control-field";
import { filterSuggestions } from "./filter-suggestions";

export type FilterChange = { property?: FilterProperty; operator?: FilterOperator; value?: string };

/** A filter's property or operator: a select named for screen readers; `messagesId` names its messages when it has any. */
function FilterSelect<V extends string>({
  label,
  messagesId,
  value,
  choices,
  choiceLabel,
  onChange,
  selectRef,
}: {
  label: string;
  messagesId: string | undefined;
  value: V;
  choices: readonly V[];
  choiceLabel: (choice: V) => string;
  onChange: (choice: V) => void;
  selectRef?: Ref<HTMLSelectElement>;
}) {
  return (
    <select
      ref={selectRef}
      aria-label={label}
      aria-invalid={messagesId ? true : undefined}
      aria-describedby={messagesId}
      className={controlClass}
      value={value}
      onChange={(event) => onChange(event.target.value as V)}
    >
      {choices.map((choice) => (
        <option key={choice} value={choice}>
          {choiceLabel(choice)}
        </option>
      ))}
    </select>
  );
}

/**
 * One filter row. Its value offers what the browser's cached reports know of the property (a native
 * datalist, so the input is a combobox only while there is something to suggest).
 */
export function FilterRow({
  index,
  filter,
  messages,
  answers,
  propertyRef,
  onChange,
  onRemove,
  onTouched,
}: {
  index: number;
  filter: ReportFilter;
  /** The builder's messages, or none while the row waits to be touched. */
  messages: QueryMessages;
  /** Report answers already in the browser, for the site: where suggestions come from. */
  answers: readonly ReportResult[];
  propertyRef: Ref<HTMLSelectElement>;
  onChange: (change: FilterChange) => void;
  onRemove: () => void;
  /** Focus left the row, or Enter was pressed in it (a run tried from the value). */
  onTouched: () => void;
}) {
  const id = useId();
  const n = index + 1;
  const path = `filters.${index}`;
  const property = messagesAt(messages, `${path}.property`);
  const operator = messagesAt(messages, `${path}.operator`);
  const valueMessages = [...messagesAt(messages, path, { nested: false }), ...messagesAt(messages, `${path}.value`)];
  const pattern = isPatternOperator(filter.operator);
  const suggestions = useMemo(() => filterSuggestions(answers, filter.property, { pattern }), [answers, filter.property, pattern]);
  const described = (which: string, list: string[]) => (list.length ? `${id}-${which}` : undefined);
  return (
    <div
      role="group"
      aria-label={`Filter ${n}`}
      className="flex flex-col gap-1 rounded-md border border-line p-2"
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) onTouched();
      }}
      onKeyDown={(event) => {
        if (event.key === "Enter") onTouched();
      }}
    >
      <div className="grid grid-cols-2 gap-1">
        <FilterSelect
          label={`Filter ${n} property`}
          messagesId={described("property", property)}
          value={filter.property}
          choices={FILTER_PROPERTIES}
          choiceLabel={fieldLabel}
          onChange={(choice) => onChange({ property: choice })}
          selectRef={propertyRef}
        />
        <FilterSelect
          label={`Filter ${n} operator`}
          messagesId={described("operator", operator)}
          value={filter.operator}
          choices={operatorsFor(filter.property)}
          choiceLabel={operatorLabel}
          onChange={(choice) => onChange({ operator: choice })}
        />
      </div>
      <div className="flex gap-1">
        <input
          aria-label={`Filter ${n} value`}
          aria-invalid={valueMessages.length ? true : undefined}
          aria-describedby={described("value", valueMessages)}
          className={`${controlClass} ${pattern ? "font-mono" : ""}`}
          value={filter.value}
          placeholder={pattern ? "^/blog/" : filter.property === "pathname" ? "/pricing" : "value"}
          spellCheck={false}
          autoComplete="off"
          list={suggestions.length ? `${id}-suggestions` : undefined}
          onChange={(event) => onChange({ value: event.target.value })}
        />
        {suggestions.length ? (
          <datalist id={`${id}-suggestions`}>
            {suggestions.map((suggestion) => (
              <option key={suggestion} value={suggestion} />
            ))}
          </datalist>
        ) : null}
        <button type="button" className={buttonClass("ghost", "px-2")} aria-label={`Remove filter ${n}`} onClick={onRemove}>
          ×
        </button>
      </div>
      <ControlMessages id={`${id}-property`} messages={property} />
      <ControlMessages id={`${id}-operator`} messages={operator} />
      <ControlMessages id={`${id}-value`} messages={valueMessages} />
    </div>
  );
}
