"use client";
import type { ReportQuery } from "@/lib/query/report-query";
import type { ReportRow } from "@/lib/query/report-result";
import { clickFilter } from "@/lib/reports/click-filter";
import { displayCell, type CellContext, type ReportColumn } from "@/lib/reports/report-table-model";
import type { RowComparison } from "@/lib/reports/row-changes";
import { FilterTarget, ValueText, type OnFilter } from "./filter-target";
import { RowChangeBadge } from "./row-change";

export function isNumeric(column: ReportColumn) {
  return column.kind === "metric" || column.kind === "share";
}

/** The first column stays in sight while the others scroll under it (a phone shows two or three). */
export const STICKY_FIRST = "sticky left-0 bg-surface shadow-[1px_0_0_rgb(var(--line))]";

export type RowProps = {
  row: ReportRow;
  columns: readonly ReportColumn[];
  context: CellContext;
  /** The filters the report has, so a value it already filters on offers nothing. */
  filters: ReportQuery["filters"];
  onFilter?: OnFilter;
  changes: RowComparison | null;
};

/** A cell's content: a grouped value (a filter target on Explore), a figure with its change, or the model's text. */
function CellContent({ row, column, context, filters, onFilter, changes }: Omit<RowProps, "columns"> & { column: ReportColumn }) {
  if (column.kind === "field") {
    const value = row.fields[column.field];
    return (
      <FilterTarget field={column.field} filter={clickFilter({ filters }, column.field, value)} onFilter={onFilter}>
        <ValueText field={column.field} value={value} />
      </FilterTarget>
    );
  }
  const text = displayCell(row, column, context);
  const change = column.kind === "metric" && changes ? changes.changeOf(row, column.metric) : null;
  if (!change) return text;
  return (
    <>
      {text}
      <RowChangeBadge change={change} />
    </>
  );
}

/** One row: the first column a row header (sticky), then a cell per column. */
export function ReportTableRow(props: RowProps) {
  const { columns } = props;
  return (
    <tr className="border-t border-line">
      {columns.map((column, columnIndex) =>
        columnIndex === 0 && !isNumeric(column) ? (
          <th key={column.id} scope="row" className={`${STICKY_FIRST} z-[2] px-3 py-1.5 text-left font-normal ${column.kind === "date" ? "whitespace-nowrap" : "max-w-[45vw] break-words sm:max-w-xs"}`}>
            <CellContent {...props} column={column} />
          </th>
        ) : (
          <td key={column.id} className={`px-3 py-1.5 ${isNumeric(column) || column.kind === "date" ? "whitespace-nowrap tabular-nums" : "max-w-xs break-words"} ${isNumeric(column) ? "text-right" : ""}`}>
            <CellContent {...props} column={column} />
          </td>
        ),
      )}
    </tr>
  );
}
