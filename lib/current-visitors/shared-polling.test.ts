import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createFathomClient } from "@/lib/fathom/client";
import { fakeFetch, jsonResponse } from "@/lib/fathom/fake-fetch";
import { createGovernedFathom, type GovernedSettings } from "@/lib/governor/governed-fathom";
import { advance, START, testGovernor, useFakeClock } from "@/lib/governor/test-kit";
import type { CurrentVisitorsAnswer } from "./answer";
import { nextPollAt } from "./poll";
import { toCurrentVisitorsAnswer } from "./to-answer";

/**
 * The panel's polling schedule (nextPollAt) against the real governor and the real Fathom client over a
 * fake Fathom, on a fake clock: what many viewers cost upstream, and what each of them sees.
 */

beforeEach(() => useFakeClock(START));
afterEach(() => vi.useRealTimers());

const settings: GovernedSettings = { closedPeriodSeconds: 86_400, openPeriodSeconds: 60, listsSeconds: 300, currentVisitorsIntervalSeconds: 15 };

type Upstream = { at: number; status: number };

/** A fake Fathom whose figure is the number of the call; `fail(at)` may answer a status instead. */
async function setup(options: { reportsPerMinute?: number; fail?: (at: number) => { status: number; retryAfter?: number } | null } = {}) {
  const upstream: Upstream[] = [];
  const { fetch } = fakeFetch((request) => {
    // The list of sites (read from the cache, to answer unknown sites without spending) is not the figure.
    if (request.url.pathname === "/v1/sites") {
      const site = { id: "CDBUGS", object: "site", name: "Bugs", sharing: "none", created_at: "2024-01-01 00:00:00", timezone: "UTC" };
      return jsonResponse({ object: "list", has_more: false, data: [site] });
    }
    const at = Date.now();
    const failure = options.fail?.(at) ?? null;
    upstream.push({ at, status: failure?.status ?? 200 });
    if (failure) {
      const headers: Record<string, string> = failure.retryAfter === undefined ? {} : { "Retry-After": String(failure.retryAfter) };
      return jsonResponse({ message: "Too Many Attempts." }, failure.status, headers);
    }
    const detailed = request.url.searchParams.get("detailed") === "true";
    const total = upstream.filter((call) => call.status === 200).length;
    return jsonResponse({
      total,
      ...(detailed
        ? {
            content: [{ hostname: "https://example.com", pathname: "/", total }],
            referrers: [{ referrer_hostname: "https://news.example", referrer_pathname: "/", total }],
          }
        : {}),
    });
  });
  const client = createFathomClient({ baseUrl: "https://api.test/v1", token: "secret-token-1234", fetch });
  const { governor } = await testGovernor({ reportsPerMinute: options.reportsPerMinute ?? 10 });
  const fathom = createGovernedFathom({ client, tokenFingerprint: "fp", governor, settings });
  return { upstream, fathom, governor };
}

type Viewer = {
  detailed: boolean;
  answers: CurrentVisitorsAnswer[];
  answeredAt: number;
  failedAt: number;
  retryAfter?: number;
  busy: boolean;
  requests: number;
};

/** Viewers polling like the panel does: each asks when its nextPollAt comes, one request at a time. */
async function watch(fathom: Awaited<ReturnType<typeof setup>>["fathom"], viewers: Viewer[], seconds: number, baseIntervalSeconds = 15) {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    for (const viewer of viewers) {
      const last = viewer.answers.at(-1);
      const due = nextPollAt({
        nextRefreshAt: last?.meta.nextRefreshAt,
        answeredAt: viewer.answeredAt,
        failedAt: viewer.failedAt,
        retryAfterSeconds: viewer.retryAfter,
        intervalMs: (last?.meta.intervalSeconds ?? 15) * 1000,
      });
      if (viewer.busy || due > Date.now()) continue;
      viewer.busy = true;
      viewer.requests++;
      fathom.currentVisitors("CDBUGS", { detailed: viewer.detailed, priority: "poll", baseIntervalSeconds }).then(
        (answer) => {
          viewer.answers.push(toCurrentVisitorsAnswer("CDBUGS", viewer.detailed, answer));
          viewer.answeredAt = Date.now();
          viewer.busy = false;
        },
        (error: { extra?: { retryAfter?: number } }) => {
          viewer.failedAt = Date.now();
          viewer.retryAfter = error.extra?.retryAfter;
          viewer.busy = false;
        },
      );
    }
    await advance(250);
  }
}

const viewers = (count: number): Viewer[] =>
  Array.from({ length: count }, (_, index) => ({ detailed: index % 2 === 0, answers: [], answeredAt: 0, failedAt: 0, busy: false, requests: 0 }));

const gaps = (calls: Upstream[]) => calls.slice(1).map((call, index) => call.at - calls[index]!.at);

describe("many viewers of one site", () => {
  it("cost one upstream request per interval, simple and detailed alike, and all see each new figure", async () => {
    const { upstream, fathom } = await setup();
    const crowd = viewers(20);
    await watch(fathom, crowd, 60);

    expect(upstream.length).toBeGreaterThanOrEqual(4);
    expect(upstream.length).toBeLessThanOrEqual(5); // 0 s, 15 s, 30 s, 45 s (and 60 s at the edge)
    expect(Math.min(...gaps(upstream))).toBeGreaterThanOrEqual(15_000);
    for (const viewer of crowd) {
      expect(viewer.answers.at(-1)!.total).toBe(upstream.length);
      // Each viewer asked about once per interval, not more.
      expect(viewer.requests).toBeLessThanOrEqual(upstream.length + 1);
      const last = viewer.answers.at(-1)!;
      if (viewer.detailed) expect(last.pages).toEqual([{ hostname: "https://example.com", pathname: "/", total: last.total }]);
      else expect(last.pages).toBeNull();
    }
  });

  it("follow the admin's default interval", async () => {
    const { upstream, fathom } = await setup();
    const crowd = viewers(5);
    await watch(fathom, crowd, 90, 30);
    expect(upstream.length).toBeLessThanOrEqual(4); // 0, 30, 60 (and 90 at the edge)
    expect(Math.min(...gaps(upstream))).toBeGreaterThanOrEqual(30_000);
    expect(crowd[0]!.answers.at(-1)!.meta).toMatchObject({ intervalSeconds: 30, baseIntervalSeconds: 30 });
  });

  it("stretch their interval by themselves while the reports budget is tight, and poll less often for it", async () => {
    const { upstream, fathom } = await setup({ reportsPerMinute: 4 });
    const crowd = viewers(10);
    await watch(fathom, crowd, 120);

    // At 15 s the figure alone would take the whole budget (4 a minute): the interval stretches.
    const intervals = crowd[0]!.answers.map((answer) => answer.meta.intervalSeconds);
    expect(Math.max(...intervals)).toBeGreaterThan(15);
    expect(upstream.length).toBeLessThan(120 / 15);
    // Never more than the plan allows in any minute.
    for (const call of upstream) expect(upstream.filter((other) => other.at >= call.at && other.at < call.at + 60_000).length).toBeLessThanOrEqual(4);
    // The viewers followed the server's stretched schedule instead of polling every 15 s.
    expect(Math.max(...crowd.map((viewer) => viewer.requests))).toBeLessThanOrEqual(upstream.length + 1);
  });

  it("keep the last figure through a storm of 429s and get fresh ones after it", async () => {
    const stormFrom = START + 20_000;
    const stormTo = START + 80_000;
    const { upstream, fathom } = await setup({
      fail: (at) => (at >= stormFrom && at < stormTo ? { status: 429, retryAfter: 10 } : null),
    });
    const crowd = viewers(10);
    await watch(fathom, crowd, 110);

    for (const viewer of crowd) {
      const during = viewer.answers.filter((answer) => Date.parse(answer.meta.fetchedAt) < stormFrom && answer.meta.stale);
      expect(during.length).toBeGreaterThan(0); // the last good figure, marked stale, never a blank
      expect(viewer.failedAt).toBe(0);
      expect(viewer.answers.at(-1)!.meta.stale).toBe(false);
      expect(Date.parse(viewer.answers.at(-1)!.meta.fetchedAt)).toBeGreaterThanOrEqual(stormTo);
    }
    // The storm did not turn into a storm of our own: Retry-After paused the class.
    const inStorm = upstream.filter((call) => call.at >= stormFrom && call.at < stormTo);
    expect(inStorm.length).toBeLessThanOrEqual(60 / 10 + 1);
  });
});
