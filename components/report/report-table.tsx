"use client";
import { useId, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import type { EventCurrency } from "@/lib/query/fathom-fields";
import type { ReportQuery } from "@/lib/query/report-query";
import type { ReportRange, ReportRow, ReportTotals } from "@/lib/query/report-result";
import { csvFileName, reportCsv } from "@/lib/reports/csv";
import { nextSort, reportColumns, sortRows, type TableSort } from "@/lib/reports/report-table-model";
import { rowComparison } from "@/lib/reports/row-changes";
import { downloadCsv } from "./csv-download";
import type { OnFilter } from "./filter-target";
import { ReportTableRow, STICKY_FIRST, isNumeric } from "./report-table-row";
import { TableScroll } from "./table-scroll";

export type ReportTableProps = {
  query: ReportQuery;
  range: ReportRange;
  rows: ReportRow[];
  totals: ReportTotals;
  currency?: EventCurrency | null;
  /**
   * The comparison period's rows (grouped by the same fields, sorted and limited the same way) and what it
   * is called: a field breakdown shows each figure's change beside it.
   */
  comparison?: { range: ReportRange; rows: ReportRow[]; totals: ReportTotals; label: string };
  /** A page's action on a grouped value clicked (Explore: add it as a filter); without it values only read. */
  onFilter?: OnFilter;
  /** h2 on its own; h3 under a panel's heading. */
  titleLevel?: 2 | 3;
};

/** Rows drawn at first; the rest on request (the CSV always has them all). */
export const FIRST_ROWS = 200;

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;

/** Every row of the report: sortable by any column, with the share of the total, and a CSV of what is shown. */
export function ReportTable({ query, range, rows, totals, currency, comparison, onFilter, titleLevel = 2 }: ReportTableProps) {
  const columns = useMemo(() => reportColumns({ metrics: query.metrics, by: query.by, grouping: range.grouping }), [query.metrics, query.by, range.grouping]);
  const changes = useMemo(() => rowComparison({ query, range, comparison }), [query, range, comparison]);
  const [sort, setSort] = useState<TableSort | null>(null);
  const [showAll, setShowAll] = useState(false);
  const sorted = useMemo(() => sortRows(rows, sort, columns, totals), [rows, sort, columns, totals]);
  const shown = showAll ? sorted : sorted.slice(0, FIRST_ROWS);
  const context = { totals, grouping: range.grouping, currency };
  const titleId = useId();
  const Title = titleLevel === 3 ? "h3" : "h2";
  const changeNote = changes ? `Changes are against the ${changes.label.toLowerCase()}, ${changes.dates}.` : null;

  function download() {
    downloadCsv(csvFileName(query, range), reportCsv(sorted, columns, { totals, currency, timezone: range.timezone }));
  }

  return (
    <section aria-labelledby={titleId} className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Title id={titleId} className="text-base font-semibold">
          All rows <span className="font-normal text-muted">({rows.length.toLocaleString("en-US")})</span>
        </Title>
        <span className="flex items-center gap-2">
          <span id={`${titleId}-csv`} className="text-xs text-muted">
            Rounded as shown; plain numbers, values as Fathom sends them
          </span>
          <Button variant="secondary" onClick={download} aria-describedby={`${titleId}-csv`}>
            Download CSV
          </Button>
        </span>
      </div>
      {changeNote ? (
        <p className="text-xs text-muted" aria-hidden="true" data-row-change-note={changes!.dates}>
          {changeNote}
        </p>
      ) : null}
      <TableScroll label="All rows, scrolls sideways">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">
            Every row of the report. Column headers are buttons that sort the table.
            {onFilter ? " A grouped value is a button that adds it to the report's filters." : ""}
            {changeNote ? ` ${changeNote}` : ""}
          </caption>
          <thead className="sticky top-0 z-10 bg-surface shadow-[0_1px_0_rgb(var(--line))]">
            <tr>
              {columns.map((column, columnIndex) => {
                const active = sort?.column === column.id;
                const sticky = columnIndex === 0 && !isNumeric(column);
                return (
                  <th
                    key={column.id}
                    scope="col"
                    aria-sort={active ? ARIA_SORT[sort.direction] : "none"}
                    className={`px-3 py-2 font-medium whitespace-nowrap ${isNumeric(column) ? "text-right" : "text-left"} ${sticky ? `${STICKY_FIRST} z-[3]` : ""}`}
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
              <ReportTableRow key={index} row={row} columns={columns} context={context} filters={query.filters} onFilter={onFilter} changes={changes} />
            ))}
          </tbody>
        </table>
      </TableScroll>
      {sorted.length > shown.length ? (
        <Button variant="ghost" className="self-start" onClick={() => setShowAll(true)}>
          Show all {sorted.length.toLocaleString("en-US")} rows
        </Button>
      ) : null}
    </section>
  );
}
