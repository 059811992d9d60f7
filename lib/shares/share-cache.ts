import "server-only";
import { TZDate } from "@date-fns/tz";
import type { DatePreset } from "@/lib/query/date-presets";
import { todayIn } from "@/lib/query/resolve-range";
import type { ShareView } from "./share-view";

/**
 * The share pages' answers, kept in the process: a link posted to a whole company is computed once per
 * refresh interval however many people open it. Concurrent misses of one key wait for one computation
 * (single-flight); the serialised JSON is kept beside the view, so the data route answers with a ready
 * string. A computation that fails is not kept. Bounded by entries and by characters, the oldest out.
 */
export type CachedShareView = {
  view: ShareView;
  json: string;
  /** The JSON as UTF-8, encoded once rather than for every viewer. */
  bytes: Uint8Array<ArrayBuffer>;
  computedAt: number;
};
type Entry = CachedShareView & { expiresAt: number };

const MINUTE = 60_000;
/** How long a view of closed periods is kept: its figures no longer change, and the date rolls it over anyway. */
export const CLOSED_VIEW_TTL_MS = 6 * 60 * MINUTE;

export type ShareViewCacheOptions = { maxEntries?: number; maxChars?: number; now?: () => number };

export class ShareViewCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<Entry>>();
  private chars = 0;
  private readonly maxEntries: number;
  private readonly maxChars: number;
  private readonly now: () => number;

  constructor({ maxEntries = 500, maxChars = 64 * 1024 * 1024, now = Date.now }: ShareViewCacheOptions = {}) {
    this.maxEntries = maxEntries;
    this.maxChars = maxChars;
    this.now = now;
  }

  /**
   * The view of `key`, computed by `compute` when it is missing or expired; `ttlMs` may depend on the view.
   * The answer is shared between callers: never mutate it.
   */
  get(key: string, ttlMs: number | ((view: ShareView) => number), compute: () => Promise<ShareView>): Promise<CachedShareView> {
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > this.now()) return Promise.resolve(hit);
    const waiting = this.pending.get(key);
    if (waiting) return waiting;

    const run = compute().then((view) => {
      const json = JSON.stringify(view);
      const computedAt = this.now();
      const entry: Entry = { view, json, bytes: new TextEncoder().encode(json), computedAt, expiresAt: computedAt + (typeof ttlMs === "function" ? ttlMs(view) : ttlMs) };
      this.store(key, entry);
      return entry;
    });
    this.pending.set(key, run);
    const settle = () => this.pending.delete(key);
    run.then(settle, settle);
    return run;
  }

  private store(key: string, entry: Entry) {
    this.remove(key);
    // One view larger than the whole budget is answered but not kept.
    if (entry.json.length > this.maxChars) return;
    this.entries.set(key, entry);
    this.chars += entry.json.length;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && this.chars <= this.maxChars) break;
      this.remove(oldest);
    }
  }

  private remove(key: string) {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.chars -= old.json.length;
  }
}

const holder = globalThis as typeof globalThis & { __soundingShareViews?: ShareViewCache };
/** The process-wide cache (on globalThis, so the page and the data route share it). */
export function shareViewCache(): ShareViewCache {
  holder.__soundingShareViews ??= new ShareViewCache();
  return holder.__soundingShareViews;
}

export function cachedShareView(key: string, ttlMs: number | ((view: ShareView) => number), compute: () => Promise<ShareView>): Promise<CachedShareView> {
  return shareViewCache().get(key, ttlMs, compute);
}

/**
 * Everything a view depends on: the share (its revision changes with every edit of its settings; the slug
 * with a rotation), the preset, and the versions of its report or dashboard and reports, so an edit shows
 * at once. The date needs no part in it: `shareViewTtlMs` ends every view at the sites' midnight.
 */
export function shareCacheKey(share: { id: number; revision: number; slug: string }, preset: DatePreset | null, targetVersions: string): string {
  return [share.id, share.revision, share.slug, preset ?? "own", targetVersions].join("|");
}

/** The instant of the next midnight in `timezone` after `now`. */
function nextMidnight(timezone: string, now: Date): number {
  const [year, month, day] = todayIn(timezone, now).split("-").map(Number) as [number, number, number];
  return new TZDate(year, month - 1, day + 1, timezone).getTime();
}

/**
 * How long a view is kept: the share's refresh interval when a period shown touches today (its figures
 * still move), when a tile could not be loaded (the next refresh may show it) or when some figures are
 * stale; else CLOSED_VIEW_TTL_MS. Never past the next midnight of a site shown, so "today", "yesterday" and
 * "last month" roll over with the site's calendar.
 */
export function shareViewTtlMs(view: ShareView, { refreshMinutes, now }: { refreshMinutes: number; now: Date }): number {
  const results = view.tiles.flatMap((tile) => (tile.kind === "report" && tile.result ? [tile.result] : []));
  const failed = view.tiles.some((tile) => tile.kind === "report" && tile.result === null);
  const open = results.some((result) => result.range.endDate >= todayIn(result.range.timezone, now));
  let ttl = open || failed || view.stale ? refreshMinutes * MINUTE : CLOSED_VIEW_TTL_MS;
  for (const timezone of new Set(results.map((result) => result.range.timezone))) {
    ttl = Math.min(ttl, nextMidnight(timezone, now) - now.getTime());
  }
  return ttl;
}
