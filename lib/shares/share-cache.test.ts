import { describe, expect, it, vi } from "vitest";
import type { ReportRange } from "@/lib/query/report-result";
import { CLOSED_VIEW_TTL_MS, ShareViewCache, cachedShareView, shareCacheKey, shareViewTtlMs } from "./share-cache";
import type { ShareReportResult, ShareTile, ShareView } from "./share-view";

const MINUTE = 60_000;

function range(startDate: string, endDate: string, timezone = "America/New_York"): ReportRange {
  return { from: `${startDate} 00:00:00`, to: `${endDate} 23:59:59`, startDate, endDate, days: 1, timezone, grouping: null, buckets: [] };
}

function reportTile(id: string, shown: ReportRange | null): ShareTile {
  const result: ShareReportResult | null = shown
    ? { entity: "pageview", metrics: ["visits"], by: [], chart: "auto", compare: "none", range: shown, rows: [], totals: { visits: 3 }, currency: null, milestones: [] }
    : null;
  return { kind: "report", id, size: "full", view: "all", title: "Visits", result, problem: shown ? null : "Could not load" };
}

function view(tiles: ShareTile[], patch: Partial<ShareView> = {}): ShareView {
  return {
    title: "Traffic",
    clientName: "Acme",
    lockedLabel: "",
    intro: "",
    accent: null,
    madeWith: true,
    hasLogo: false,
    window: { presets: [], current: null, startDate: null, endDate: null, cut: null },
    tiles,
    fetchedAt: "2026-03-20T15:00:00.000Z",
    stale: false,
    ...patch,
  };
}

function cacheAt(start = 1_000_000, options: { maxEntries?: number; maxChars?: number } = {}) {
  const clock = { now: start };
  return { cache: new ShareViewCache({ ...options, now: () => clock.now }), clock };
}

describe("ShareViewCache", () => {
  it("computes once for 30 viewers arriving together, and keeps the JSON ready", async () => {
    const { cache } = cacheAt();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const compute = vi.fn(async () => {
      await gate;
      return view([]);
    });
    const answers = Array.from({ length: 30 }, () => cache.get("k", MINUTE, compute));
    release();
    const settled = await Promise.all(answers);
    expect(compute).toHaveBeenCalledTimes(1);
    expect(new Set(settled.map((answer) => answer.json)).size).toBe(1);
    expect(JSON.parse(settled[0]!.json)).toEqual(view([]));
  });

  it("serves from the cache until the time to live has passed", async () => {
    const { cache, clock } = cacheAt();
    const compute = vi.fn(async () => view([]));
    await cache.get("k", 15 * MINUTE, compute);
    clock.now += 15 * MINUTE - 1;
    await cache.get("k", 15 * MINUTE, compute);
    expect(compute).toHaveBeenCalledTimes(1);
    clock.now += 1;
    const again = await cache.get("k", 15 * MINUTE, compute);
    expect(compute).toHaveBeenCalledTimes(2);
    expect(again.computedAt).toBe(clock.now);
  });

  it("takes the time to live from the view when given a function", async () => {
    const { cache, clock } = cacheAt();
    const compute = vi.fn(async () => view([], { stale: true }));
    await cache.get("k", (shown) => (shown.stale ? MINUTE : CLOSED_VIEW_TTL_MS), compute);
    clock.now += MINUTE;
    await cache.get("k", MINUTE, compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it("does not keep a failed computation: every waiter sees the failure, the next call tries again", async () => {
    const { cache } = cacheAt();
    const failing = vi.fn(async (): Promise<ShareView> => {
      throw new Error("database down");
    });
    const both = [cache.get("k", MINUTE, failing), cache.get("k", MINUTE, failing)];
    for (const answer of both) await expect(answer).rejects.toThrow("database down");
    expect(failing).toHaveBeenCalledTimes(1);
    const working = vi.fn(async () => view([]));
    await cache.get("k", MINUTE, working);
    expect(working).toHaveBeenCalledTimes(1);
  });

  it("keeps at most its bound of entries, dropping the oldest", async () => {
    const { cache } = cacheAt(1_000_000, { maxEntries: 3 });
    const compute = vi.fn(async () => view([]));
    for (const key of ["a", "b", "c", "d"]) await cache.get(key, MINUTE, compute);
    await cache.get("d", MINUTE, compute);
    await cache.get("b", MINUTE, compute);
    expect(compute).toHaveBeenCalledTimes(4);
    await cache.get("a", MINUTE, compute);
    expect(compute).toHaveBeenCalledTimes(5);
  });

  it("keeps at most its bound of characters", async () => {
    const size = JSON.stringify(view([])).length;
    const { cache } = cacheAt(1_000_000, { maxChars: size * 2 });
    const compute = vi.fn(async () => view([]));
    for (const key of ["a", "b", "c"]) await cache.get(key, MINUTE, compute);
    await cache.get("a", MINUTE, compute);
    expect(compute).toHaveBeenCalledTimes(4);
  });

  it("is one process-wide cache", async () => {
    const compute = vi.fn(async () => view([]));
    await cachedShareView("process-wide", MINUTE, compute);
    await cachedShareView("process-wide", MINUTE, compute);
    expect(compute).toHaveBeenCalledTimes(1);
  });
});

describe("shareCacheKey", () => {
  it("changes with the share's revision, its slug, the preset and the target's versions", () => {
    const share = { id: 7, revision: 2, slug: "a".repeat(32) };
    const key = shareCacheKey(share, "last_month", "d4@7:r12@3");
    expect(shareCacheKey(share, "last_month", "d4@7:r12@3")).toBe(key);
    expect(shareCacheKey({ ...share, revision: 3 }, "last_month", "d4@7:r12@3")).not.toBe(key);
    expect(shareCacheKey({ ...share, slug: "b".repeat(32) }, "last_month", "d4@7:r12@3")).not.toBe(key);
    expect(shareCacheKey(share, null, "d4@7:r12@3")).not.toBe(key);
    expect(shareCacheKey(share, "last_month", "d4@7:r12@4")).not.toBe(key);
  });
});

describe("shareViewTtlMs", () => {
  // Friday 20 March 2026, 12:00 in New York (16:00 UTC); midnight there is 12 hours away.
  const now = new Date("2026-03-20T16:00:00Z");

  it("keeps a view touching today for the share's refresh interval", () => {
    expect(shareViewTtlMs(view([reportTile("t", range("2026-03-14", "2026-03-20"))]), { refreshMinutes: 15, now })).toBe(15 * MINUTE);
  });

  it("keeps closed periods for hours, but never past the site's midnight", () => {
    const closed = view([reportTile("t", range("2026-02-01", "2026-02-28"))]);
    expect(shareViewTtlMs(closed, { refreshMinutes: 15, now })).toBe(CLOSED_VIEW_TTL_MS);
    const evening = new Date("2026-03-21T02:30:00Z"); // 22:30 in New York
    expect(shareViewTtlMs(closed, { refreshMinutes: 15, now: evening })).toBe(90 * MINUTE);
    const lateEvening = new Date("2026-03-21T03:55:00Z"); // 23:55 in New York
    expect(shareViewTtlMs(view([reportTile("t", range("2026-03-14", "2026-03-20"))]), { refreshMinutes: 15, now: lateEvening })).toBe(5 * MINUTE);
  });

  it("retries a tile that could not be loaded, or stale figures, at the next refresh", () => {
    const closed = reportTile("t", range("2026-02-01", "2026-02-28"));
    expect(shareViewTtlMs(view([closed, reportTile("u", null)]), { refreshMinutes: 30, now })).toBe(30 * MINUTE);
    expect(shareViewTtlMs(view([closed], { stale: true }), { refreshMinutes: 30, now })).toBe(30 * MINUTE);
  });
});
