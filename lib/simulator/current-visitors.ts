/**
 * GET /current_visitors from the same generated visits the aggregations read: a visitor is current
 * when their visit had a pageview in the last five minutes, on the page of its latest one. So the
 * figure follows the hour of day in the site's zone, is the same all through a minute, and agrees with
 * the day's data. An override (control) fixes the total and scales the breakdown to it.
 */
import { MINUTES_PER_DAY } from "./calendar";
import { FLAG_VISIT } from "./chunk";
import type { SiteData } from "./dataset";
import { locate } from "./dimensions";

export const CURRENT_WINDOW_MINUTES = 5;
export const DETAIL_LIMIT = 150;

export type ContentRow = { hostname: string; pathname: string; total: number };
export type ReferrerRow = { referrer_hostname: string; referrer_pathname: string; total: number };
export type CurrentVisitors = { total: number; content?: ContentRow[]; referrers?: ReferrerRow[] };

type Tally = Map<string, { values: [string, string]; total: number }>;

function count(tally: Tally, values: [string, string]) {
  const key = values.join("\u0001");
  const entry = tally.get(key);
  if (entry) entry.total++;
  else tally.set(key, { values, total: 1 });
}

function top(tally: Tally): Array<{ values: [string, string]; total: number }> {
  return [...tally.values()].sort((a, b) => b.total - a.total || (a.values.join() < b.values.join() ? -1 : 1)).slice(0, DETAIL_LIMIT);
}

/** Splits `total` over `weights` in proportion, whole numbers that add up (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((weight) => (weight * total) / sum);
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = exact.map((value, i) => [value - Math.floor(value), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    left--;
  }
  return shares;
}

export function currentVisitors(data: SiteData, nowMinute: number, options: { detailed: boolean; override: number | null; hostname: string }): CurrentVisitors {
  const content: Tally = new Map();
  const referrers: Tally = new Map();
  const { tables } = data;
  const [hostname, pathname] = (["hostname", "pathname"] as const).map((field) => locate(field).column) as [number, number];
  const [refHost, refPath] = (["referrer_hostname", "referrer_pathname"] as const).map((field) => locate(field).column) as [number, number];
  let total = 0;
  const since = nowMinute - CURRENT_WINDOW_MINUTES;
  for (const chunk of data.chunksBetween(nowMinute - MINUTES_PER_DAY, nowMinute)) {
    const { length, minute, flags, page, source } = chunk.pageviews;
    // Rows of a visit are contiguous and start with its entrance.
    for (let start = 0; start < length; ) {
      let end = start + 1;
      while (end < length && !(flags[end]! & FLAG_VISIT)) end++;
      let latest = -1;
      for (let i = start; i < end; i++) if (minute[i]! > since && minute[i]! <= nowMinute) latest = i;
      if (latest >= 0) {
        total++;
        count(content, [tables.page.value(hostname, page[latest]!), tables.page.value(pathname, page[latest]!)]);
        const s = source[latest]!;
        const referrer = tables.source.value(refHost, s);
        if (referrer) count(referrers, [referrer, tables.source.value(refPath, s)]);
      }
      start = end;
    }
  }

  const wanted = options.override ?? total;
  if (!options.detailed) return { total: wanted };
  let pages = top(content);
  let sources = top(referrers);
  if (options.override !== null) {
    if (!pages.length && wanted > 0) pages = [{ values: [options.hostname, "/"], total: wanted }];
    const pageShares = apportion(wanted, pages.map((row) => row.total));
    const referred = total ? Math.floor((wanted * sources.reduce((a, row) => a + row.total, 0)) / total) : 0;
    const sourceShares = apportion(referred, sources.map((row) => row.total));
    pages = pages.map((row, i) => ({ ...row, total: pageShares[i] ?? 0 })).filter((row) => row.total > 0);
    sources = sources.map((row, i) => ({ ...row, total: sourceShares[i] ?? 0 })).filter((row) => row.total > 0);
  }
  return {
    total: wanted,
    content: pages.map(({ values: [host, path], total: n }) => ({ hostname: host, pathname: path, total: n })),
    referrers: sources.map(({ values: [host, path], total: n }) => ({ referrer_hostname: host, referrer_pathname: path, total: n })),
  };
}
