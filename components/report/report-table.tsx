"use client";
import { useId, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import type { EventCurrency } from "@/lib/query/fathom-fields";
import type { ReportQuery } from "@/lib/query/report-query";
import type { ReportRange, ReportRow, ReportTotals } from "@/lib/query/report-result";
import { csvFileName, reportCsv } from "@/lib/reports/csv";
import { fieldValueLabel } from "@/lib/format/field-values";
import { displayCell, nextSort, reportColumns, sortRows, type CellContext, type ReportColumn, type TableSort } from "@/lib/reports/report-table-model";
import { downloadCsv } from "./csv-download";

export type ReportTableProps = {
  query: ReportQuery;
  range: ReportRange;
  rows: ReportRow[];
  totals: ReportTotals;
  currency?: EventCurrency | null;
  /** h2 on its own; h3 under a panel's heading. */
  titleLevel?: 2 | 3;
};

/** Rows drawn at first; the rest on request (the CSV always has them all). */
export const FIRST_ROWS = 200;

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;

function isNumeric(column: ReportColumn) {
  return column.kind === "metric" || column.kind === "share";
}

/** A grouped value as read: an empty one named and muted, a country by name with its flag (its code on hover). */
function FieldValue({ row, column }: { row: ReportRow; column: Extract<ReportColumn, { kind: "field" }> }) {
  const label = fieldValueLabel(column.field, row.fields[column.field]);
  if (label.missing) {
    return (
      <span className="text-muted italic" data-missing-value>
        {label.text}
      </span>
    );
  }
  if (!label.raw) return label.text;
  return (
    <span title={label.raw} data-raw-value={label.raw}>
      {label.flag ? <span aria-hidden="true">{label.flag} </span> : null}
      {label.text}
    </span>
  );
}

/** A cell's content: a grouped value drawn as read, anything else as the model writes it. */
function cellContent(row: ReportRow, column: ReportColumn, context: CellContext) {
  return column.kind === "field" ? <FieldValue row={row} column={column} /> : displayCell(row, column, context);
}

/** Every row of the report: sortable by any column, with the share of the total, and a CSV of what is shown. */
export function ReportTable({ query, range, rows, totals, currency, titleLevel = 2 }: ReportTableProps) {
  const columns = useMemo(() => reportColumns({ metrics: query.metrics, by: query.by, grouping: range.grouping }), [query.metrics, query.by, range.grouping]);
  const [sort, setSort] = useState<TableSort | null>(null);
  const [showAll, setShowAll] = useState(false);
  const sorted = useMemo(() => sortRows(rows, sort, columns, totals), [rows, sort, columns, totals]);
  const shown = showAll ? sorted : sorted.slice(0, FIRST_ROWS);
  const context = { totals, grouping: range.grouping, currency };
  const titleId = useId();
  const Title = titleLevel === 3 ? "h3" : "h2";

  function download() {
    downloadCsv(csvFileName(query, range), reportCsv(sorted, columns, { totals, currency, timezone: range.timezone }));
  }

  return (
    <section aria-labelledby={titleId} className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Title id={titleId} className="text-base font-semibold">
          All rows <span className="font-normal text-muted">({rows.length.toLocaleString("en-US")})</span>
        </Title>
        <Button variant="secondary" onClick={download}>
          Download CSV
        </Button>
      </div>
      <div className="max-h-[32rem] overflow-auto rounded-lg border border-line bg-surface">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">
            Every row of the report. Column headers are buttons that sort the table.
          </caption>
          <thead className="sticky top-0 z-10 bg-surface shadow-[0_1px_0_rgb(var(--line))]">
            <tr>
              {columns.map((column) => {
                const active = sort?.column === column.id;
                return (
                  <th
                    key={column.id}
                    scope="col"
                    aria-sort={active ? ARIA_SORT[sort.direction] : "none"}
                    className={`px-3 py-2 font-medium whitespace-nowrap ${isNumeric(column) ? "text-right" : "text-left"}`}
                  >
                    <button
                      type="button"
                      onClick={() => setSort(nextSort(sort, column))}
                      className="inline-flex items-center gap-1 rounded hover:text-accent"
                    >
                      {isNumeric(column) ? null : column.label}
                      <span aria-hidden="true" className="w-3 text-muted">
                        {active ? (sort.direction === "asc" ? "▲" : "▼") : ""}
                      </span>
                      {isNumeric(column) ? column.label : null}
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.map((row, index) => (
              <tr key={index} className="border-t border-line">
                {columns.map((column, columnIndex) =>
                  columnIndex === 0 && !isNumeric(column) ? (
                    <th key={column.id} scope="row" className={`px-3 py-1.5 text-left font-normal ${column.kind === "date" ? "whitespace-nowrap" : "max-w-xs break-words"}`}>
                      {cellContent(row, column, context)}
                    </th>
                  ) : (
                    <td key={column.id} className={`px-3 py-1.5 ${isNumeric(column) || column.kind === "date" ? "whitespace-nowrap tabular-nums" : "max-w-xs break-words"} ${isNumeric(column) ? "text-right" : ""}`}>
                      {cellContent(row, column, context)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sorted.length > shown.length ? (
        <Button variant="ghost" className="self-start" onClick={() => setShowAll(true)}>
          Show all {sorted.length.toLocaleString("en-US")} rows
        </Button>
      ) : null}
    </section>
  );
}
