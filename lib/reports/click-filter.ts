/**
 * Click to filter (as Plausible does it): a grouped value on the table, a bar or a legend entry adds
 * "<field> is <value>" to the report. Which values offer it is decided here, once: a field Fathom can
 * filter on (`keyword` can be grouped by, not filtered), a value the query schema takes ("(none)" is an
 * empty value, which it refuses), not one the query already filters on with "is", and room for another
 * filter. Pure and isomorphic.
 */
import { type GroupableField, fieldLabel, filterPropertySchema } from "@/lib/query/fathom-fields";
import { MAX_FILTERS, reportFilterSchema, type ReportFilter, type ReportQuery } from "@/lib/query/report-query";
import { fieldValueText } from "@/lib/format/field-values";

/** The filter a click on `value` of `field` adds to `query`, or null when it should not be offered. */
export function clickFilter(query: Pick<ReportQuery, "filters">, field: GroupableField, value: string | null | undefined): ReportFilter | null {
  const property = filterPropertySchema.safeParse(field);
  if (!property.success || value === null || value === undefined) return null;
  if (query.filters.length >= MAX_FILTERS) return null;
  const parsed = reportFilterSchema.safeParse({ property: property.data, operator: "is", value });
  if (!parsed.success) return null;
  const already = query.filters.some((filter) => filter.property === property.data && filter.operator === "is" && filter.value === value);
  return already ? null : parsed.data;
}

/** What the control is called: "Filter on Page is /pricing", "Filter on Country is Germany". */
export function clickFilterName(field: GroupableField, value: string): string {
  return `Filter on ${fieldLabel(field)} is ${fieldValueText(field, value)}`;
}

/** One grouped value of a row as a chart label draws it, with the filter a click on it adds (null: none). */
export type ValuePart = { field: GroupableField; value: string | null; filter: ReportFilter | null };

/** A row's grouped values in order (`/pricing`, then `Germany`), each with its filter. */
export function valueParts(query: Pick<ReportQuery, "filters">, by: readonly GroupableField[], fields: Partial<Record<GroupableField, string | null>>): ValuePart[] {
  return by.map((field) => {
    const value = fields[field] ?? null;
    return { field, value, filter: clickFilter(query, field, value) };
  });
}
