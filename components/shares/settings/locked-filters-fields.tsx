"use client";
import { useRef } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { FILTER_PROPERTIES, fieldLabel, operatorLabel, operatorsFor, type FilterOperator, type FilterProperty } from "@/lib/query/fathom-fields";
import { MAX_FILTER_VALUE_LENGTH } from "@/lib/query/report-query";
import { MAX_LOCKED_FILTERS, MAX_SHARE_LABEL } from "@/lib/shares/share";
import { errorsAt } from "./field-errors";
import { SelectField, Section, TextField } from "./form-controls";
import type { DraftProps, LockedFilterDraft } from "./share-draft";

const PATH = "settings.lockedFilters";

/**
 * Filters added to every figure of the share on the server, one row each. A new row takes the focus on
 * its "Property"; removing a row gives it back to "Add locked filter", so the keyboard is never lost.
 */
export function LockedFiltersFields({ draft, onChange, errors }: DraftProps) {
  const nextKey = useRef(0);
  const focusKey = useRef<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const rows = draft.lockedFilters;

  function setRow(key: string, patch: Partial<LockedFilterDraft>) {
    onChange({ lockedFilters: rows.map((row) => (row.key === key ? { ...row, ...patch } : row)) });
  }

  function add() {
    const key = `new-${nextKey.current++}`;
    focusKey.current = key;
    onChange({ lockedFilters: [...rows, { key, property: "hostname", operator: "is", value: "" }] });
  }

  function remove(key: string) {
    onChange({ lockedFilters: rows.filter((row) => row.key !== key) });
    addButton.current?.focus();
  }

  return (
    <Section legend="Locked filters" hint="Added to every figure on the server. The client never sees them and cannot remove them." errors={errorsAt(errors, PATH)}>
      {rows.length ? (
        <ul className="flex flex-col gap-3" aria-label="Locked filters">
          {rows.map((row, index) => (
            <li key={row.key} data-locked-filter={index} className="grid gap-2 rounded-md border border-line p-3 sm:grid-cols-[1fr_1fr_2fr_auto] sm:items-start">
              <SelectField
                label="Property"
                value={row.property}
                ref={(element) => {
                  if (element && focusKey.current === row.key) {
                    focusKey.current = null;
                    element.focus();
                  }
                }}
                onChange={(event) => {
                  const property = event.target.value as FilterProperty;
                  // A categorical property takes only "is" / "is not": keep the operator only when it still applies.
                  const operator = operatorsFor(property).includes(row.operator) ? row.operator : "is";
                  setRow(row.key, { property, operator });
                }}
                errors={errorsAt(errors, `${PATH}.${index}`, `${PATH}.${index}.property`)}
              >
                {FILTER_PROPERTIES.map((property) => (
                  <option key={property} value={property}>
                    {fieldLabel(property)}
                  </option>
                ))}
              </SelectField>
              <SelectField
                label="Operator"
                value={row.operator}
                onChange={(event) => setRow(row.key, { operator: event.target.value as FilterOperator })}
                errors={errorsAt(errors, `${PATH}.${index}.operator`)}
              >
                {operatorsFor(row.property).map((operator) => (
                  <option key={operator} value={operator}>
                    {operatorLabel(operator)}
                  </option>
                ))}
              </SelectField>
              <TextField
                label="Value"
                value={row.value}
                maxLength={MAX_FILTER_VALUE_LENGTH}
                autoComplete="off"
                onChange={(event) => setRow(row.key, { value: event.target.value })}
                errors={errorsAt(errors, `${PATH}.${index}.value`)}
              />
              <Button variant="ghost" className="sm:mt-6" aria-label={`Remove locked filter ${index + 1}`} onClick={() => remove(row.key)}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted">No locked filters: the client sees every visit the shared reports count.</p>
      )}
      <div>
        <button ref={addButton} type="button" className={buttonClass("secondary")} onClick={add} disabled={rows.length >= MAX_LOCKED_FILTERS}>
          Add locked filter
        </button>
      </div>
      <TextField
        label="Label shown to the client (optional)"
        name="lockedLabel"
        maxLength={MAX_SHARE_LABEL}
        value={draft.lockedLabel}
        onChange={(event) => onChange({ lockedLabel: event.target.value })}
        hint="Say what the figures are limited to, e.g. “Spring campaign only”. The filters themselves are never shown."
        errors={errorsAt(errors, "settings.lockedLabel")}
      />
    </Section>
  );
}
