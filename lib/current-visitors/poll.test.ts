import { describe, expect, it } from "vitest";
import { MAX_POLL_MS, MIN_POLL_MS, nextPollAt, pollDelay, REFRESH_SLACK_MS } from "./poll";

const T = Date.parse("2026-03-10T12:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString();

describe("when the panel polls again", () => {
  it("asks just after the server's next refresh", () => {
    const due = nextPollAt({ nextRefreshAt: iso(T + 15_000), answeredAt: T, failedAt: 0, intervalMs: 15_000 });
    expect(due).toBe(T + 15_000 + REFRESH_SLACK_MS);
    expect(pollDelay(due, T)).toBe(15_000 + REFRESH_SLACK_MS);
  });

  it("follows a stretched interval the server announces", () => {
    const due = nextPollAt({ nextRefreshAt: iso(T + 60_000), answeredAt: T, failedAt: 0, intervalMs: 60_000 });
    expect(pollDelay(due, T + 1_000)).toBe(59_000 + REFRESH_SLACK_MS);
  });

  it("waits for the server's retryAfter after a refusal newer than the last answer", () => {
    const due = nextPollAt({ nextRefreshAt: iso(T + 15_000), answeredAt: T, failedAt: T + 16_000, retryAfterSeconds: 40, intervalMs: 15_000 });
    expect(due).toBe(T + 56_000 + REFRESH_SLACK_MS);
  });

  it("waits one interval after a failure without retryAfter", () => {
    expect(nextPollAt({ answeredAt: 0, failedAt: T, intervalMs: 15_000 })).toBe(T + 15_000 + REFRESH_SLACK_MS);
  });

  it("goes by the answer once a later answer replaced the failure", () => {
    const due = nextPollAt({ nextRefreshAt: iso(T + 30_000), answeredAt: T + 15_000, failedAt: T + 1_000, retryAfterSeconds: 600, intervalMs: 15_000 });
    expect(due).toBe(T + 30_000 + REFRESH_SLACK_MS);
  });

  it("falls back to one interval after the answer when its next refresh time is unreadable", () => {
    expect(nextPollAt({ nextRefreshAt: "soon", answeredAt: T, failedAt: 0, intervalMs: 20_000 })).toBe(T + 20_000 + REFRESH_SLACK_MS);
  });

  it("is due at once with nothing asked yet", () => {
    expect(nextPollAt({ answeredAt: 0, failedAt: 0, intervalMs: 15_000 })).toBe(0);
  });

  it("never spins on a past refresh time nor sleeps for ages on a far one", () => {
    expect(pollDelay(T - 60_000, T)).toBe(MIN_POLL_MS);
    expect(pollDelay(T + 24 * 3600_000, T)).toBe(MAX_POLL_MS);
  });
});
