import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FathomError } from "@/lib/fathom/errors";
import type { Governor } from "./governor";
import { FakeUpstreamError, ManualUpstream, advance, cacheAnswer, readInFlight, readOf, settle, testGovernor, track, useFakeClock } from "./test-kit";

beforeEach(() => useFakeClock());
afterEach(() => vi.useRealTimers());

const fathom500 = () => new FathomError({ kind: "server", status: 500, message: "Server Error" });
const reset = () => new FathomError({ kind: "network", status: 0, message: "Fathom could not be reached. (fetch failed)" });
const timeout = () => new FathomError({ kind: "timeout", status: 0, message: "Fathom did not answer within 15 s." });
const health = { threshold: 3, baseCooldownMs: 10_000, maxCooldownMs: 60_000 };

/** Fathom failing again and again: `count` reads of different keys, each failed upstream with `error()`. */
async function failReads(governor: Governor, upstream: ManualUpstream, count: number, error: () => unknown) {
  for (let i = 0; i < count; i++) {
    void governor.read(readOf(upstream, `k${i}`)).catch(() => undefined);
    await settle();
    await upstream.fail(error());
  }
}

describe("what a caller hears when Fathom fails (not 'Sounding is pacing its requests')", () => {
  it("a request still on its way when the caller's time runs out: Fathom is slow", async () => {
    const { governor } = await testGovernor();
    const upstream = new ManualUpstream();
    const read = track(governor.read(readOf(upstream, "k")));
    await advance(20_000);
    expect(read.error).toMatchObject({ status: 504, code: "fathom_slow" });
    expect((read.error as Error).message).toMatch(/^Fathom is slow: no answer after 20 s/);
  });

  it("failures Sounding is still retrying when a caller's time runs out: Fathom is failing, with what it answered", async () => {
    const { governor } = await testGovernor({ retryBaseMs: 12_000 });
    const upstream = new ManualUpstream();
    const builder = track(governor.read(readOf(upstream, "k"))); // waits up to 20 s
    const panel = track(governor.read(readOf(upstream, "k", { priority: "poll" }))); // joins, waits up to 10 s
    await settle();
    await upstream.fail(fathom500()); // the retry is due in 12 s: after the panel's deadline
    await advance(10_000);
    expect(panel.error).toMatchObject({ status: 502, code: "fathom_failing" });
    expect((panel.error as Error).message).toBe("Fathom is failing right now (it answered 500). Sounding is retrying; try again in 2 s.");
    expect(builder.done).toBe(false);
    await advance(2_000);
    await upstream.answer("recovered");
    expect(builder.value).toMatchObject({ data: "recovered" });
  });

  it("a failure with no time left to retry reaches the caller as what Fathom did", async () => {
    const { upstream, read } = await readInFlight({ retryBaseMs: 30_000 });
    await upstream.fail(fathom500());
    expect((read.error as FathomError).toApiError().message).toBe("Fathom is failing right now (it answered 500); try again shortly.");
  });

  it("a hang that times out is not sent again at once, and the caller is told", async () => {
    const { upstream, read } = await readInFlight();
    await upstream.fail(timeout());
    await advance(30_000);
    expect(upstream.count).toBe(1);
    expect(read.error).toMatchObject({ kind: "timeout" });
  });
});

describe("the circuit breaker", () => {
  it("after repeated failures fails fast with what happened, sends nothing, then lets one probe through and recovers", async () => {
    const { governor } = await testGovernor({ health, maxRetries: 0 });
    const upstream = new ManualUpstream();
    for (let i = 0; i < 3; i++) {
      const read = track(governor.read(readOf(upstream, `k${i}`)));
      await settle();
      await upstream.fail(i === 1 ? reset() : fathom500());
      expect(read.error).toBeDefined();
    }
    expect(upstream.count).toBe(3);

    const refused = track(governor.read(readOf(upstream, "other")));
    await settle();
    expect(upstream.count).toBe(3); // nothing sent while open
    expect(refused.error).toMatchObject({ status: 503, code: "fathom_down", extra: { retryAfter: 10 } });
    expect((refused.error as Error).message).toBe(
      "Fathom is failing right now (it answered 500, 3 times in a row). Sounding is holding off and will try again in 10 s.",
    );

    await advance(10_000);
    const probe = track(governor.read(readOf(upstream, "probe")));
    const meanwhile = track(governor.read(readOf(upstream, "meanwhile")));
    await settle();
    expect(upstream.keys().slice(3)).toEqual(["probe"]); // one probe at a time
    expect(meanwhile.error).toMatchObject({ code: "fathom_down" });
    await upstream.answer("back");
    expect(probe.value).toMatchObject({ data: "back" });

    const after = track(governor.read(readOf(upstream, "after")));
    await settle();
    await upstream.answer("fine");
    expect(after.value).toMatchObject({ data: "fine" });
    expect(governor.upstreamHealth().open).toBe(false);
  });

  it("while open, serves the last good answer marked stale instead of an error", async () => {
    const { governor } = await testGovernor({ health, maxRetries: 0 });
    const upstream = new ManualUpstream();
    const short = { ttlMs: 1_000, persist: false };
    await cacheAnswer(governor, upstream, "report", "good", short);
    await failReads(governor, upstream, 3, fathom500);
    await advance(2_000);
    const answer = await governor.read(readOf(upstream, "report", { freshness: short }));
    expect(answer).toMatchObject({ data: "good", meta: { stale: true } });
  });

  it("a failed probe opens it again for twice as long", async () => {
    const { governor } = await testGovernor({ health, maxRetries: 0 });
    const upstream = new ManualUpstream();
    await failReads(governor, upstream, 3, () => new FakeUpstreamError(503));
    await advance(10_000);
    void governor.read(readOf(upstream, "probe")).catch(() => undefined);
    await settle();
    await upstream.fail(new FakeUpstreamError(503));
    const refused = track(governor.read(readOf(upstream, "next")));
    await settle();
    expect(refused.error).toMatchObject({ code: "fathom_down", extra: { retryAfter: 20 } });
  });

  it("a 4xx is an answer, not an outage: it never opens the breaker", async () => {
    const { governor } = await testGovernor({ health, maxRetries: 0 });
    const upstream = new ManualUpstream();
    await failReads(governor, upstream, 5, () => new FakeUpstreamError(400));
    const read = track(governor.read(readOf(upstream, "ok")));
    await settle();
    await upstream.answer("yes");
    expect(read.value).toMatchObject({ data: "yes" });
  });

  it("writes fail fast too while Fathom is down", async () => {
    const { governor } = await testGovernor({ health, maxRetries: 0 });
    const upstream = new ManualUpstream();
    await failReads(governor, upstream, 3, fathom500);
    const run = vi.fn(async () => "written");
    await expect(governor.write({ run })).rejects.toMatchObject({ code: "fathom_down" });
    expect(run).not.toHaveBeenCalled();
  });
});

describe("not found", () => {
  it("is remembered briefly: asking again for the same thing spends nothing", async () => {
    const { governor } = await testGovernor({ notFoundTtlMs: 30_000 });
    const upstream = new ManualUpstream();
    const first = track(governor.read(readOf(upstream, "missing")));
    await settle();
    await upstream.fail(new FakeUpstreamError(404));
    expect(first.error).toMatchObject({ status: 404 });
    for (let i = 0; i < 5; i++) await expect(governor.read(readOf(upstream, "missing"))).rejects.toMatchObject({ status: 404 });
    expect(upstream.count).toBe(1);
    await advance(30_001);
    void governor.read(readOf(upstream, "missing")).catch(() => undefined);
    await settle();
    expect(upstream.count).toBe(2);
  });

  it("is forgotten when a write changes what it was about", async () => {
    const { governor } = await testGovernor();
    const upstream = new ManualUpstream();
    void governor.read(readOf(upstream, "list", { tags: ["site:X"] })).catch(() => undefined);
    await settle();
    await upstream.fail(new FakeUpstreamError(404));
    await governor.invalidate("site:X");
    void governor.read(readOf(upstream, "list", { tags: ["site:X"] })).catch(() => undefined);
    await settle();
    expect(upstream.count).toBe(2);
  });
});
