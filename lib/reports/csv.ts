/**
 * "Download CSV": the table's rows in the order shown (same columns, same order), with a header row, as
 * raw values: numbers a spreadsheet can add up (no thousands separators, no currency signs; the unit is
 * in the header) and grouped fields as Fathom sent them (empty, not "(none)"; `DE`, not "Germany"), and
 * a file name that says which report it is. Pure; the download itself is in csv-download.ts.
 */
import { type EventCurrency, metricInfo } from "@/lib/query/fathom-fields";
import { CURRENCY_CODES } from "@/lib/format/format-money";
import type { ReportQuery } from "@/lib/query/report-query";
import type { ReportRange, ReportRow, ReportTotals } from "@/lib/query/report-result";
import { shareOfTotal, type ReportColumn } from "./report-table-model";

export type CsvContext = { totals: ReportTotals; currency?: EventCurrency | null; timezone?: string };

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** The header of a column, with the unit a number is written in. */
export function csvHeader(column: ReportColumn, { currency, timezone }: Pick<CsvContext, "currency" | "timezone">): string {
  if (column.kind === "date") return timezone ? `${column.label} (${timezone})` : column.label;
  if (column.kind === "share") return `${column.label} (%)`;
  if (column.kind === "field") return column.label;
  switch (metricInfo(column.metric).format) {
    case "duration":
      return `${column.label} (seconds)`;
    case "percent":
      return `${column.label} (%)`;
    case "money": {
      const code = currency ? CURRENCY_CODES[currency] : null;
      return code ? `${column.label} (${code})` : column.label;
    }
    case "count":
      return column.label;
  }
}

/** A cell's value as the CSV writes it: numbers in the header's unit, rounded as the table shows them. */
export function csvValue(row: ReportRow, column: ReportColumn, { totals }: Pick<CsvContext, "totals">): string | number {
  switch (column.kind) {
    case "date":
      return row.date ?? "";
    case "field":
      // The CSV has raw values, not what the table shows: an empty cell, not "(none)" or "Direct / none",
      // and a country's ISO code, not its name, so a spreadsheet can join and filter on them.
      return row.fields[column.field] ?? "";
    case "share": {
      const share = shareOfTotal(row, column.metric, totals);
      return share === null ? "" : round(share * 100, 1);
    }
    case "metric": {
      const value = row.values[column.metric];
      if (value === undefined || !Number.isFinite(value)) return "";
      switch (metricInfo(column.metric).format) {
        case "duration":
          return Math.round(value);
        case "percent":
          return round(value * 100, 1);
        case "money":
          return round(value / 100, 2);
        case "count":
          return round(value, 2);
      }
    }
  }
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. Text that a spreadsheet
 * would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return first; referrers are anyone's to
 * choose) gets a leading apostrophe.
 */
export function csvField(value: string | number): string {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The whole file: a header row, then one line per row in the order given; CRLF line ends. */
export function reportCsv(rows: readonly ReportRow[], columns: readonly ReportColumn[], context: CsvContext): string {
  const lines = [columns.map((column) => csvField(csvHeader(column, context)))];
  for (const row of rows) lines.push(columns.map((column) => csvField(csvValue(row, column, context))));
  return lines.map((line) => line.join(",")).join("\r\n") + "\r\n";
}

/** Letters, digits, dots and dashes only; anything else becomes one dash. */
function slug(text: string, max = 40): string {
  return (
    text
      .normalize("NFKD")
      .replace(/[^A-Za-z0-9.]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, max)
      .replace(/-+$/, "") || "x"
  );
}

/**
 * The file name: site, event, dates, metrics and groupings, e.g.
 * `sounding_CDBUGS_2024-04-16_to_2024-05-15_visits-pageviews_by-day-pathname.csv`.
 */
export function csvFileName(query: ReportQuery, range?: Pick<ReportRange, "startDate" | "endDate" | "grouping">): string {
  const parts = ["sounding", slug(query.site)];
  if (query.entity === "event" && query.event) parts.push(`event-${slug(query.event)}`);
  if (range) parts.push(range.startDate === range.endDate ? range.startDate : `${range.startDate}_to_${range.endDate}`);
  else parts.push(query.range.preset === "custom" ? `${query.range.from}_to_${query.range.to}` : slug(query.range.preset));
  parts.push(query.metrics.map((metric) => slug(metric)).join("-"));
  const grouping = range ? range.grouping : query.grouping === "none" || query.grouping === "auto" ? null : query.grouping;
  const by = [...(grouping ? [grouping] : []), ...query.by];
  if (by.length > 0) parts.push(`by-${by.map((field) => slug(field)).join("-")}`);
  return `${parts.join("_")}.csv`;
}
