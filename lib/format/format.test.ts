import { describe, expect, it } from "vitest";
import { EVENT_CURRENCIES } from "@/lib/query/fathom-fields";
import { formatAgo, formatBucket, formatDateRange, formatInstant } from "./format-date";
import { formatDuration } from "./format-duration";
import { changeTone, formatMetric } from "./format-metric";
import { CURRENCY_CODES, formatMoney, formatMoneyCompact } from "./format-money";
import { formatChange, formatCompact, formatNumber, formatPercent, percentChange } from "./format-number";

/** Intl writes no-break and thin spaces (ICU-version dependent); compare text with plain spaces. */
const plain = (text: string) => text.replace(/\s/g, " ");

describe("numbers", () => {
  it("uses thousands separators", () => {
    expect(formatNumber(1234567)).toBe("1,234,567");
    expect(formatNumber(0)).toBe("0");
    expect(formatNumber(1234.567)).toBe("1,234.57");
    expect(formatNumber(1234567, "de-DE")).toBe("1.234.567");
    expect(formatNumber(Number.NaN)).toBe("—");
  });

  it("compacts axis labels", () => {
    expect(formatCompact(950)).toBe("950");
    expect(formatCompact(1234)).toBe("1.2K");
    expect(formatCompact(3_400_000)).toBe("3.4M");
  });

  it("shows fractions as percentages", () => {
    expect(formatPercent(0.4234)).toBe("42.3%");
    expect(formatPercent(0.5)).toBe("50.0%");
    expect(formatPercent(1)).toBe("100.0%");
  });

  it("signs changes and refuses to divide by zero", () => {
    expect(formatChange(1125, 1000)).toBe("+12.5%");
    expect(formatChange(970, 1000)).toBe("-3%");
    expect(formatChange(1000, 1000)).toBe("0%");
    expect(formatChange(5, 0)).toBe("—");
    expect(percentChange(150, 100)).toBe(0.5);
    expect(percentChange(1, 0)).toBeNull();
  });
});

describe("durations", () => {
  it.each([
    [0, "0s"],
    [45, "45s"],
    [45.4, "45s"],
    [59.6, "1m 00s"],
    [125, "2m 05s"],
    [3599, "59m 59s"],
    [3720, "1h 02m"],
    [7199.9, "2h 00m"],
    [90_000, "25h 00m"],
  ])("%s seconds read %s", (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it("shows a dash for impossible durations", () => {
    expect(formatDuration(-1)).toBe("—");
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe("—");
  });
});

describe("money", () => {
  it("reads cents in the event's currency", () => {
    expect(formatMoney(123456, "dollar")).toBe("$1,234.56");
    expect(formatMoney(123456, "euro")).toBe("€1,234.56");
    expect(formatMoney(123456, "pound")).toBe("£1,234.56");
    expect(formatMoney(123456, "yen")).toBe("¥1,235");
    expect(formatMoney(123456, "rupee")).toBe("₹1,234.56");
    expect(plain(formatMoney(123456, "euro", "de-DE"))).toBe("1.234,56 €");
  });

  it("reads integer, none and an unknown currency as plain numbers", () => {
    expect(formatMoney(123456, "integer")).toBe("1,234.56");
    expect(formatMoney(123400, "none")).toBe("1,234");
    expect(formatMoney(5000, null)).toBe("50");
  });

  it("maps every Fathom currency to a code Intl knows, or to a plain number", () => {
    expect(Object.keys(CURRENCY_CODES).sort()).toEqual([...EVENT_CURRENCIES].sort());
    expect(CURRENCY_CODES).toMatchObject({ dollar: "USD", pound: "GBP", euro: "EUR", yuan: "CNY", peso: "MXN", shekel: "ILS", yen: "JPY", won: "KRW", hryvnia: "UAH", franc: "CHF", rupee: "INR" });
    for (const currency of EVENT_CURRENCIES) expect(formatMoney(100, currency)).toMatch(/1/);
  });

  it("compacts money for axes", () => {
    expect(formatMoneyCompact(123_456_00, "dollar")).toBe("$123.5K");
  });
});

describe("metrics", () => {
  it("formats each metric by its kind", () => {
    expect(formatMetric("visits", 12345)).toBe("12,345");
    expect(formatMetric("visits", 12345, { compact: true })).toBe("12.3K");
    expect(formatMetric("avg_duration", 125)).toBe("2m 05s");
    expect(formatMetric("bounce_rate", 0.42)).toBe("42.0%");
    expect(formatMetric("value", 9900, { currency: "euro" })).toBe("€99.00");
    expect(formatMetric("conversions", 3)).toBe("3");
  });

  it("colours changes by whether up is good: bounce rate down is good", () => {
    expect(changeTone("visits", 120, 100)).toBe("good");
    expect(changeTone("visits", 80, 100)).toBe("bad");
    expect(changeTone("bounce_rate", 0.4, 0.5)).toBe("good");
    expect(changeTone("bounce_rate", 0.6, 0.5)).toBe("bad");
    expect(changeTone("avg_duration", 200, 100)).toBe("good");
    expect(changeTone("value", 5, 0)).toBe("neutral");
    expect(changeTone("pageviews", 100, 100)).toBe("neutral");
  });
});

describe("dates", () => {
  it("formats buckets as they read in the site's timezone, whatever the browser's", () => {
    expect(plain(formatBucket("2024-05-15", "day"))).toBe("Wed, May 15, 2024");
    expect(plain(formatBucket("2024-05-15", "day", "axis"))).toBe("May 15");
    expect(plain(formatBucket("2024-03-10 03:00:00", "hour"))).toBe("Sun, Mar 10, 2024, 3:00 AM");
    expect(plain(formatBucket("2024-03-10 13:00:00", "hour", "axis"))).toBe("Mar 10, 1 PM");
    expect(plain(formatBucket("2024-01", "month"))).toBe("January 2024");
    expect(plain(formatBucket("2024-01", "month", "axis"))).toBe("Jan 2024");
    expect(plain(formatBucket("2024", "year"))).toBe("2024");
    expect(plain(formatBucket("not a date", "day"))).toBe("not a date");
  });

  it("formats ranges and instants", () => {
    expect(plain(formatDateRange("2024-04-16", "2024-05-15"))).toBe("Apr 16 – May 15, 2024");
    expect(plain(formatDateRange("2024-05-15", "2024-05-15"))).toBe("May 15, 2024");
    expect(plain(formatInstant("2024-05-15T16:00:00.000Z", "America/New_York"))).toBe("May 15, 2024, 12:00 PM");
    expect(plain(formatInstant("2024-05-15T16:00:00.000Z", "Asia/Tokyo"))).toBe("May 16, 2024, 1:00 AM");
  });

  it("says how long ago an answer was fetched", () => {
    const now = new Date("2024-05-15T16:00:00Z");
    expect(formatAgo("2024-05-15T15:59:30Z", now)).toBe("just now");
    expect(formatAgo("2024-05-15T15:57:00Z", now)).toBe("3 min ago");
    expect(formatAgo("2024-05-15T13:00:00Z", now)).toBe("3 h ago");
    expect(formatAgo("2024-05-10T16:00:00Z", now)).toBe("5 days ago");
  });
});
