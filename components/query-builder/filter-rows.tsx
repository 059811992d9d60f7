"use client";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { FILTER_PROPERTIES, fieldLabel, operatorLabel, operatorsFor, type FilterOperator, type FilterProperty } from "@/lib/query/fathom-fields";
import { MAX_FILTERS, type QueryMessages, type ReportFilter } from "@/lib/query/report-query";
import { messagesAt, type BuilderSectionProps } from "./builder-messages";
import { ControlMessages, controlClass, labelClass } from "./control-field";
import { addFilter, changeFilter, removeFilter } from "@/lib/query/query-edits";

/**
 * Filter rows: a property, only the operators Fathom allows on it, and a value. A pattern
 * ("matches pattern") is checked as a regular expression before anything is sent.
 */
export function FilterRows({
  value,
  onChange,
  messages,
}: BuilderSectionProps) {
  const id = useId();
  const listMessages = messagesAt(messages, "filters", { nested: false });
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className={`${labelClass} mb-1`}>Filters</legend>
      {value.filters.length === 0 ? <p className="text-xs text-muted">No filters: every pageview or completion counts.</p> : null}
      {value.filters.map((filter, index) => (
        <FilterRow
          key={index}
          index={index}
          filter={filter}
          messages={messages}
          onChange={(change) => onChange(changeFilter(value, index, change))}
          onRemove={() => onChange(removeFilter(value, index))}
        />
      ))}
      <ControlMessages id={`${id}-messages`} messages={listMessages} />
      {value.filters.length < MAX_FILTERS ? (
        <Button variant="secondary" className="self-start py-1" onClick={() => onChange(addFilter(value))}>
          Add filter
        </Button>
      ) : null}
    </fieldset>
  );
}

/** A filter's property or operator: a select named for screen readers; `messagesId` names its messages when it has any. */
function FilterSelect<V extends string>({
  label,
  messagesId,
  value,
  choices,
  choiceLabel,
  onChange,
}: {
  label: string;
  messagesId: string | undefined;
  value: V;
  choices: readonly V[];
  choiceLabel: (choice: V) => string;
  onChange: (choice: V) => void;
}) {
  return (
    <select
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

function FilterRow({
  index,
  filter,
  messages,
  onChange,
  onRemove,
}: {
  index: number;
  filter: ReportFilter;
  messages: QueryMessages;
  onChange: (change: { property?: FilterProperty; operator?: FilterOperator; value?: string }) => void;
  onRemove: () => void;
}) {
  const id = useId();
  const n = index + 1;
  const path = `filters.${index}`;
  const property = messagesAt(messages, `${path}.property`);
  const operator = messagesAt(messages, `${path}.operator`);
  const valueMessages = [...messagesAt(messages, path, { nested: false }), ...messagesAt(messages, `${path}.value`)];
  const pattern = filter.operator === "matching" || filter.operator === "not matching";
  const described = (which: string, list: string[]) => (list.length ? `${id}-${which}` : undefined);
  return (
    <div role="group" aria-label={`Filter ${n}`} className="flex flex-col gap-1 rounded-md border border-line p-2">
      <div className="grid grid-cols-2 gap-1">
        <FilterSelect
          label={`Filter ${n} property`}
          messagesId={described("property", property)}
          value={filter.property}
          choices={FILTER_PROPERTIES}
          choiceLabel={fieldLabel}
          onChange={(choice) => onChange({ property: choice })}
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
          onChange={(event) => onChange({ value: event.target.value })}
        />
        <Button variant="ghost" className="px-2" aria-label={`Remove filter ${n}`} onClick={onRemove}>
          ×
        </Button>
      </div>
      <ControlMessages id={`${id}-property`} messages={property} />
      <ControlMessages id={`${id}-operator`} messages={operator} />
      <ControlMessages id={`${id}-value`} messages={valueMessages} />
    </div>
  );
}
