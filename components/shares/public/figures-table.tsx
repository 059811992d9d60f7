import { formatDateRange } from "@/lib/format/format-date";
import type { ShareReportResult } from "@/lib/shares/share-view";
import { displayCell, reportColumns, type ReportColumn } from "@/lib/reports/report-table-model";

/** Rows a tile prints at most: a share page is read, not explored (the agency has the rest). */
export const SHARE_TABLE_ROWS = 50;

const isNumeric = (column: ReportColumn) => column.kind === "metric" || column.kind === "share";

/**
 * The report's rows as a real table, in the order the report returned them: a caption with the dates,
 * header cells with their scope, numbers right-aligned. A wide table scrolls sideways inside its tile
 * (focusable, so a keyboard can scroll it) and says so on a narrow screen; on paper it is shown whole.
 */
export function FiguresTable({ result, title }: { result: ShareReportResult; title: string }) {
  const columns = reportColumns({ metrics: result.metrics, by: result.by, grouping: result.range.grouping });
  const shown = result.rows.slice(0, SHARE_TABLE_ROWS);
  const more = result.rows.length - shown.length;
  const context = { totals: result.totals, grouping: result.range.grouping, currency: result.currency };
  const caption = `${title}, ${formatDateRange(result.range.startDate, result.range.endDate)}`;

  if (result.rows.length === 0) return <p className="text-sm text-muted">No rows for these dates.</p>;
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <div role="region" aria-label={`${caption} (table)`} tabIndex={0} className="overflow-x-auto rounded-md border border-line print:overflow-visible" data-share-scroll>
        <table className="w-full border-collapse text-sm" data-share-table>
          <caption className="px-3 py-2 text-left text-xs text-muted">
            {caption}
            {more > 0 ? ` — the first ${shown.length} of ${result.rows.length.toLocaleString("en-US")} rows` : ""}
          </caption>
          <thead>
            <tr className="border-t border-line">
              {columns.map((column) => (
                <th key={column.id} scope="col" className={`px-3 py-2 font-medium whitespace-nowrap ${isNumeric(column) ? "text-right" : "text-left"}`}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row, index) => (
              <tr key={index} className="border-t border-line">
                {columns.map((column, columnIndex) => {
                  const text = displayCell(row, column, context);
                  if (columnIndex === 0 && !isNumeric(column)) {
                    return (
                      <th key={column.id} scope="row" className={`px-3 py-1.5 text-left font-normal ${column.kind === "date" ? "whitespace-nowrap" : "max-w-xs break-words"}`}>
                        {text}
                      </th>
                    );
                  }
                  return (
                    <td key={column.id} className={`px-3 py-1.5 ${isNumeric(column) ? "text-right whitespace-nowrap tabular-nums" : column.kind === "date" ? "whitespace-nowrap" : "max-w-xs break-words"}`}>
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {columns.length > 2 ? (
        <p aria-hidden="true" className="text-xs text-muted sm:hidden print:hidden">
          Scroll the table sideways for every column →
        </p>
      ) : null}
      {more > 0 ? <p className="text-xs text-muted">And {more.toLocaleString("en-US")} more {more === 1 ? "row" : "rows"} not shown here.</p> : null}
    </div>
  );
}
