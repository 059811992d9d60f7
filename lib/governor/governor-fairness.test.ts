import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runAsActor } from "./actor";
import { ManualUpstream, readOf, settle, testGovernor, track, useFakeClock } from "./test-kit";

beforeEach(() => useFakeClock());
afterEach(() => vi.useRealTimers());

const limits = { reports: { capacity: 10, windowMs: 60_000 }, management: { capacity: 2000, windowMs: 3_600_000 } };

describe("fair shares of the reports budget", () => {
  it("one person alone may use the whole window", async () => {
    const { governor } = await testGovernor({ fairShare: { limits, fraction: 0.5 } });
    const upstream = new ManualUpstream();
    const reads = Array.from({ length: 10 }, (_, i) => track(runAsActor("user:1", () => governor.read(readOf(upstream, `r${i}`)))));
    await settle();
    for (let i = 0; i < 10; i++) await upstream.answer(`a${i}`);
    expect(upstream.count).toBe(10);
    expect(reads.every((read) => read.value)).toBe(true);
  });

  /** A colleague opens a report; a viewer then fires twelve made-up ones; then the colleague opens another. */
  async function scene(fair: boolean) {
    const { governor } = await testGovernor(fair ? { fairShare: { limits, fraction: 0.5 } } : {});
    const upstream = new ManualUpstream();
    const first = track(runAsActor("user:2", () => governor.read(readOf(upstream, "colleague-1"))));
    await settle();
    await upstream.answer("first");
    expect(first.value).toBeDefined();
    for (let i = 0; i < 12; i++) void runAsActor("user:1", () => governor.read(readOf(upstream, `hog${i}`))).catch(() => undefined);
    await settle();
    while (upstream.keys().length > upstream.calls.filter((_, i) => i < 1).length && (await answerPending(upstream))) {
      // answer every call the hog got sent, as Fathom would
    }
    const second = track(runAsActor("user:2", () => governor.read(readOf(upstream, "colleague-2"))));
    await settle();
    if (upstream.keys().includes("colleague-2")) await upstream.answerFor("colleague-2", "second");
    return { hogSent: upstream.keys().filter((key) => key.startsWith("hog")).length, second };
  }

  async function answerPending(upstream: ManualUpstream) {
    try {
      await upstream.answer("x");
      return true;
    } catch {
      return false;
    }
  }

  it("cannot starve a colleague: while both are active, one person gets at most half the window", async () => {
    const { hogSent, second } = await scene(true);
    expect(hogSent).toBe(5);
    expect(second.value).toMatchObject({ data: "second" });
  });

  it("without fair shares, the same viewer takes everything and the colleague is turned away", async () => {
    const { hogSent, second } = await scene(false);
    expect(hogSent).toBe(9);
    expect(second.error).toMatchObject({ status: 429, code: "budget_exhausted" });
  });
});
