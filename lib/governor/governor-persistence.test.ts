import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DatabaseAnswerCache } from "@/lib/store/answer-cache-repository";
import { openTestDatabase } from "@/lib/store/db";
import { DatabaseUsageStore } from "@/lib/store/usage-repository";
import { ManualUpstream, advance, readOf, settle, testGovernor, track, useFakeClock } from "./test-kit";

beforeEach(() => useFakeClock());
afterEach(() => vi.useRealTimers());

const closed = { ttlMs: 24 * 60 * 60_000, persist: true };
const open = { ttlMs: 60_000, persist: false };

/** A governor over a database, as the server builds one at start. */
const over = (db: Awaited<ReturnType<typeof openTestDatabase>>) =>
  testGovernor({ persistent: new DatabaseAnswerCache(db), usage: new DatabaseUsageStore(db) });

describe("across a restart", () => {
  it("answers about closed periods are not fetched again; answers about today are", async () => {
    const db = await openTestDatabase();
    const before = await over(db);
    const upstream = new ManualUpstream();
    void before.governor.read(readOf(upstream, "last-month", { freshness: closed }));
    void before.governor.read(readOf(upstream, "today", { freshness: open }));
    await settle();
    await upstream.answerFor("last-month", { visits: "120" });
    await upstream.answerFor("today", { visits: "3" });

    const after = await over(db); // a new process: empty memory, same database
    await advance(60 * 60_000);
    const again = await after.governor.read(readOf(upstream, "last-month", { freshness: closed }));
    expect(again).toMatchObject({ data: { visits: "120" }, meta: { cached: true, stale: false } });
    const today = track(after.governor.read(readOf(upstream, "today", { freshness: open })));
    await settle();
    expect(upstream.keys().sort()).toEqual(["last-month", "today", "today"]);
    await upstream.answer({ visits: "4" });
    expect(today.value).toMatchObject({ data: { visits: "4" } });
  });

  it("identical concurrent reads of a persisted period still share one call while the database is asked", async () => {
    const { governor } = await over(await openTestDatabase());
    const upstream = new ManualUpstream();
    const reads = Array.from({ length: 20 }, () => track(governor.read(readOf(upstream, "k", { freshness: closed }))));
    await settle();
    await settle();
    expect(upstream.count).toBe(1);
    await upstream.answer("once");
    expect(reads.every((read) => (read.value as { data: unknown } | undefined)?.data === "once")).toBe(true);
  });

  it("an expired persisted answer still stands in, stale, when the budget is spent", async () => {
    const db = await openTestDatabase();
    const upstream = new ManualUpstream();
    const first = await over(db);
    void first.governor.read(readOf(upstream, "k", { freshness: { ttlMs: 1_000, persist: true } }));
    await settle();
    await upstream.answer("kept");
    const second = await testGovernor({ persistent: new DatabaseAnswerCache(db), reportsPerMinute: 1 });
    void second.governor.read(readOf(upstream, "spend-the-token"));
    await advance(5_000);
    const answer = await second.governor.read(readOf(upstream, "k", { freshness: { ttlMs: 1_000, persist: true } }));
    expect(answer).toMatchObject({ data: "kept", meta: { stale: true } });
  });

  it("upstream call counts for today and this month survive; the last minute starts afresh", async () => {
    const db = await openTestDatabase();
    const before = await over(db);
    const upstream = new ManualUpstream();
    for (const key of ["a", "b"]) void before.governor.read(readOf(upstream, key));
    void before.governor.read(readOf(upstream, "sites", { cls: "management" }));
    await settle();
    expect((await before.governor.state()).classes.reports.upstream).toEqual({ lastMinute: 2, today: 2, month: 2, sinceStart: 2 });

    const after = await over(db);
    const state = await after.governor.state();
    expect(state.classes.reports.upstream).toEqual({ lastMinute: 0, today: 2, month: 2, sinceStart: 0 });
    expect(state.classes.management.upstream).toMatchObject({ today: 1, month: 1 });
  });
});
