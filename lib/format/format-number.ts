/**
 * Numbers for people: thousands separators, compact axis labels, percentages and signed changes.
 * Isomorphic. One fixed default locale, so the server's HTML and the browser's render agree.
 */
export const DEFAULT_LOCALE = "en-US";

const formatters = new Map<string, Intl.NumberFormat>();

/** A cached Intl.NumberFormat (tables format thousands of cells). */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    formatters.set(key, format);
  }
  return format;
}

/** What a missing or impossible number shows as. */
export const NO_VALUE = "—";

/** `1234567` → `1,234,567`; `1234.5` → `1,234.5`. */
export function formatNumber(value: number, locale = DEFAULT_LOCALE): string {
  if (!Number.isFinite(value)) return NO_VALUE;
  return numberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** Axis labels: `950`, `1.2K`, `3.4M`. */
export function formatCompact(value: number, locale = DEFAULT_LOCALE): string {
  if (!Number.isFinite(value)) return NO_VALUE;
  return numberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }).format(value);
}

/**
 * A fraction as a percentage, always to one decimal (`0.4234` → `42.3%`, `0.54` → `54.0%`), so figures side
 * by side read alike (never `54%` beside `53.4%`).
 */
export function formatPercent(fraction: number, locale = DEFAULT_LOCALE): string {
  if (!Number.isFinite(fraction)) return NO_VALUE;
  return numberFormat(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(fraction);
}

/** The relative change from `previous` to `current` (0.125 for +12.5%); null when there is nothing to compare with. */
export function percentChange(current: number, previous: number): number | null {
  if (!Number.isFinite(current) || !Number.isFinite(previous) || previous === 0) return null;
  return (current - previous) / Math.abs(previous);
}

/** A signed change: `+12.5%`, `-3%`, `0%`, or `—` when the previous value was zero. */
export function formatChange(current: number, previous: number, locale = DEFAULT_LOCALE): string {
  const change = percentChange(current, previous);
  if (change === null) return NO_VALUE;
  return numberFormat(locale, { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(change);
}
