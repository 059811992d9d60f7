"use client";
import { useEffect, useId, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import type { FilterOperator } from "@/lib/query/fathom-fields";
import { MAX_FILTERS, type ReportFilter } from "@/lib/query/report-query";
import { messagesAt, type BuilderSectionProps } from "./builder-messages";
import { ControlMessages, labelClass } from "./control-field";
import { FilterRow, type FilterChange } from "./filter-row";
import { useCachedAnswers } from "./filter-suggestions";
import { addFilter, changeFilter, removeFilter } from "@/lib/query/query-edits";

/** Where focus goes once an add or a remove has rendered: a row's property select, or the Add button. */
type FocusTarget = number | "add";

export type FilterRowsProps = BuilderSectionProps & {
  /** A run was tried: every row shows its messages, touched or not. */
  revealMessages?: boolean;
  /** The rows still waiting to be touched, each time that changes: the builder keeps their messages out of its summary too. */
  onUntouchedChange?: (rows: ReadonlySet<ReportFilter>) => void;
};

/**
 * Filter rows: a property, only the operators Fathom allows on it, and a value (with suggestions from
 * reports already loaded). A pattern ("matches pattern") is checked as a regular expression before
 * anything is sent.
 *
 * A row just added has an empty value, which is a rule broken but not yet a mistake: its messages wait
 * until the row is touched (its value typed, focus leaving it, Enter pressed in it) or `revealMessages`
 * says a run was tried. Rows are known by identity (query-edits keeps the objects of rows it does not
 * change), so a query loaded from elsewhere shows its problems at once.
 *
 * Each row also remembers the operator the user last picked, so arrowing through the properties keeps
 * "contains" on every property that allows it, even after passing one that only takes "is" / "is not".
 */
export function FilterRows({ value, onChange, messages, revealMessages = false, onUntouchedChange }: FilterRowsProps) {
  const id = useId();
  const listMessages = messagesAt(messages, "filters", { nested: false });
  const answers = useCachedAnswers(value.site);
  const [untouched, setUntouchedState] = useState<ReadonlySet<ReportFilter>>(() => new Set());
  // Only read when a property changes, never rendered: a ref, carried from a row's old object to its new one.
  const chosenOperators = useRef(new WeakMap<ReportFilter, FilterOperator>());
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

  function setUntouched(next: ReadonlySet<ReportFilter>) {
    setUntouchedState(next);
    onUntouchedChange?.(next);
  }

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
    const before = value.filters[index]!;
    // The operator last picked, or the row's own (a row opened from a link was picked in its time too).
    const chosen = edit.operator ?? chosenOperators.current.get(before) ?? before.operator;
    // A new property asks for it again; changeFilter keeps it when the property allows it.
    const next = changeFilter(value, index, edit.property ? { ...edit, operator: chosen } : edit);
    const after = next.filters[index]!;
    chosenOperators.current.set(after, chosen);
    // Picking a property or operator is not typing a value: a new row stays quiet until that.
    if (untouched.has(before) && edit.value === undefined) {
      const carried = new Set(untouched);
      carried.delete(before);
      setUntouched(carried.add(after));
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
          answers={answers}
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
