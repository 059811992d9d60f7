"use client";
import { useEffect, useId, useRef, useState, type Ref } from "react";
import { buttonClass } from "@/components/ui/button";
import { FILTER_PROPERTIES, fieldLabel, operatorLabel, operatorsFor, type FilterOperator, type FilterProperty } from "@/lib/query/fathom-fields";
import { MAX_FILTERS, type QueryMessages, type ReportFilter } from "@/lib/query/report-query";
import { messagesAt, type BuilderSectionProps } from "./builder-messages";
import { ControlMessages, controlClass, labelClass } from "./control-field";
import { addFilter, changeFilter, removeFilter } from "@/lib/query/query-edits";

type FilterChange = { property?: FilterProperty; operator?: FilterOperator; value?: string };

/** Where focus goes once an add or a remove has rendered: a row's property select, or the Add button. */
type FocusTarget = number | "add";

/**
 * Filter rows: a property, only the operators Fathom allows on it, and a value. A pattern
 * ("matches pattern") is checked as a regular expression before anything is sent.
 *
 * A row just added has an empty value, which is a rule broken but not yet a mistake: its messages wait
 * until the row is touched (its value typed, focus leaving it, Enter pressed in it) or `revealMessages`
 * says a run was tried. Rows are known by identity (query-edits keeps the objects of rows it does not
 * change), so a query loaded from elsewhere shows its problems at once.
 */
export function FilterRows({
  value,
  onChange,
  messages,
  revealMessages = false,
}: BuilderSectionProps & { revealMessages?: boolean }) {
  const id = useId();
  const listMessages = messagesAt(messages, "filters", { nested: false });
  const [untouched, setUntouched] = useState<ReadonlySet<ReportFilter>>(() => new Set());
  const propertySelects = useRef<(HTMLSelectElement | null)[]>([]);
  const addButton = useRef<HTMLButtonElement>(null);
  const focusAfter = useRef<FocusTarget | null>(null);

  // After the add or remove has rendered; kept until its target exists, should the new value come later.
  useEffect(() => {
    const target = focusAfter.current;
    if (target === null) return;
    const element = target === "add" ? addButton.current : propertySelects.current[target];
    if (!element) return;
    focusAfter.current = null;
    element.focus();
  });

  function touch(filter: ReportFilter) {
    if (!untouched.has(filter)) return;
    const next = new Set(untouched);
    next.delete(filter);
    setUntouched(next);
  }

  function add() {
    const next = addFilter(value);
    const added = next.filters.at(-1)!;
    setUntouched(new Set(untouched).add(added));
    focusAfter.current = next.filters.length - 1;
    onChange(next);
  }

  function remove(index: number) {
    const next = removeFilter(value, index);
    touch(value.filters[index]!);
    // The row below moves up into this place; without one, the Add button is next.
    focusAfter.current = index < next.filters.length ? index : "add";
    onChange(next);
  }

  function change(index: number, edit: FilterChange) {
    const next = changeFilter(value, index, edit);
    const before = value.filters[index]!;
    // Picking a property or operator is not typing a value: a new row stays quiet until that.
    if (untouched.has(before) && edit.value === undefined) {
      const carried = new Set(untouched);
      carried.delete(before);
      setUntouched(carried.add(next.filters[index]!));
    } else {
      touch(before);
    }
    onChange(next);
  }

  return (
    <fieldset className="flex flex-col gap-2">
      <legend className={`${labelClass} mb-1`}>Filters</legend>
      {value.filters.length === 0 ? <p className="text-xs text-muted">No filters: every pageview or completion counts.</p> : null}
      {value.filters.map((filter, index) => (
        <FilterRow
          key={index}
          index={index}
          filter={filter}
          messages={revealMessages || !untouched.has(filter) ? messages : {}}
          propertyRef={(element) => {
            propertySelects.current[index] = element;
          }}
          onChange={(edit) => change(index, edit)}
          onRemove={() => remove(index)}
          onTouched={() => touch(filter)}
        />
      ))}
      <ControlMessages id={`${id}-messages`} messages={listMessages} />
      {value.filters.length < MAX_FILTERS ? (
        <button ref={addButton} type="button" className={buttonClass("secondary", "self-start py-1")} onClick={add}>
          Add filter
        </button>
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

function FilterRow({
  index,
  filter,
  messages,
  propertyRef,
  onChange,
  onRemove,
  onTouched,
}: {
  index: number;
  filter: ReportFilter;
  /** The builder's messages, or none while the row waits to be touched. */
  messages: QueryMessages;
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
  const pattern = filter.operator === "matching" || filter.operator === "not matching";
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
          onChange={(event) => onChange({ value: event.target.value })}
        />
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
