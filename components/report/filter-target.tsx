"use client";
import type { ReactNode } from "react";
import type { GroupableField } from "@/lib/query/fathom-fields";
import type { ReportFilter } from "@/lib/query/report-query";
import { fieldValueLabel } from "@/lib/format/field-values";
import { clickFilterName, type ValuePart } from "@/lib/reports/click-filter";

/** What a page does with a value clicked on the report: Explore adds it to the report's filters. */
export type OnFilter = (filter: ReportFilter) => void;

/**
 * A value that adds itself as a filter when clicked: a real button ("Filter on Page is /pricing") laid over
 * the value's text, so the text stays the content (it prints, where buttons do not) and the button, which
 * names the value, is what the keyboard and screen readers reach. Without `filter` or `onFilter`, the text
 * alone.
 */
export function FilterTarget({ field, filter, onFilter, children }: { field: GroupableField; filter: ReportFilter | null; onFilter?: OnFilter; children: ReactNode }) {
  if (!filter || !onFilter) return <>{children}</>;
  const name = clickFilterName(field, filter.value);
  const raw = fieldValueLabel(field, filter.value).raw;
  return (
    // Inline, so a long value wraps (and a chart's label is cut after two lines) with the button over all of it.
    <span className="relative" data-filter-target="">
      <button
        type="button"
        aria-label={name}
        title={raw ? `${name} (${raw})` : name}
        data-filter-field={field}
        data-filter-value={filter.value}
        onClick={() => onFilter(filter)}
        // An inset ring: a chart label or a legend entry clips what is drawn outside it.
        className="peer absolute inset-0 z-[1] cursor-pointer rounded-sm focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none focus-visible:ring-inset"
      />
      {/* The button says it all ("Filter on Page is /pricing"): the text under it is not read twice. */}
      <span aria-hidden="true" className="decoration-dotted underline-offset-2 peer-hover:text-accent peer-hover:underline peer-focus-visible:underline">
        {children}
      </span>
    </span>
  );
}

/** A grouped value as read: flag before a country's name (decoration), the raw code on hover. */
export function ValueText({ field, value }: { field: GroupableField; value: string | null | undefined }) {
  const label = fieldValueLabel(field, value);
  if (label.missing) {
    return (
      <span className="text-muted italic" data-missing-value>
        {label.text}
      </span>
    );
  }
  if (!label.raw) return <>{label.text}</>;
  return (
    <span title={label.raw} data-raw-value={label.raw}>
      {label.flag ? <span aria-hidden="true">{label.flag} </span> : null}
      {label.text}
    </span>
  );
}

/**
 * A row's grouped values as a chart labels it (`/pricing · 🇩🇪 Germany`), each value its own filter
 * target, so a bar or a series of a row grouped by two fields filters on the value clicked.
 */
export function ValueParts({ parts, onFilter }: { parts: readonly ValuePart[]; onFilter?: OnFilter }) {
  return (
    <>
      {parts.map((part, index) => (
        <span key={part.field}>
          {index > 0 ? <span aria-hidden="true"> · </span> : null}
          <FilterTarget field={part.field} filter={part.filter} onFilter={onFilter}>
            <ValueText field={part.field} value={part.value} />
          </FilterTarget>
        </span>
      ))}
    </>
  );
}
