/**
 * Event values: Fathom returns `value` in cents; the event's currency (Fathom's names) decides how it
 * reads. `integer`, `none` and an unknown currency (Fathom's lists return `currency: null`) read as a
 * plain number of the same units (cents ÷ 100). Isomorphic.
 */
import type { EventCurrency } from "@/lib/query/fathom-fields";
import { DEFAULT_LOCALE, NO_VALUE, numberFormat } from "./format-number";

/** ISO 4217 codes of Fathom's currency names; null for the non-money kinds. */
export const CURRENCY_CODES: Record<EventCurrency, string | null> = {
  dollar: "USD",
  pound: "GBP",
  euro: "EUR",
  yuan: "CNY",
  peso: "MXN",
  shekel: "ILS",
  yen: "JPY",
  won: "KRW",
  hryvnia: "UAH",
  franc: "CHF",
  rupee: "INR",
  integer: null,
  none: null,
};

/** `123456` cents in dollars → `$1,234.56`; in yen → `¥1,235`; `integer` → `1,234.56`. */
export function formatMoney(cents: number, currency: EventCurrency | null | undefined, locale = DEFAULT_LOCALE): string {
  if (!Number.isFinite(cents)) return NO_VALUE;
  const amount = cents / 100;
  const code = currency ? CURRENCY_CODES[currency] : null;
  if (!code) return numberFormat(locale, { maximumFractionDigits: 2 }).format(amount);
  return numberFormat(locale, { style: "currency", currency: code }).format(amount);
}

/** Axis labels for money: `$1.2K`. */
export function formatMoneyCompact(cents: number, currency: EventCurrency | null | undefined, locale = DEFAULT_LOCALE): string {
  if (!Number.isFinite(cents)) return NO_VALUE;
  const amount = cents / 100;
  const code = currency ? CURRENCY_CODES[currency] : null;
  if (!code) return numberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }).format(amount);
  return numberFormat(locale, { style: "currency", currency: code, notation: "compact", maximumFractionDigits: 1 }).format(amount);
}
