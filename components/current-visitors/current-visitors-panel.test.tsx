// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentVisitorsAnswer } from "@/lib/current-visitors/answer";
import { CurrentVisitorsPanel } from "./current-visitors-panel";

const T = Date.parse("2026-03-10T12:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString();

function answer(total: number, fetchedAt: number, extra: Partial<CurrentVisitorsAnswer["meta"]> = {}): CurrentVisitorsAnswer {
  return {
    siteId: "CDBUGS",
    detailed: true,
    total,
    pages: [
      { hostname: "https://example.com", pathname: "/", total: Math.ceil(total / 2) },
      { hostname: "https://example.com", pathname: "/pricing", total: Math.floor(total / 2) },
    ],
    referrers: [{ hostname: "https://news.example", pathname: "/", total: 2 }],
    meta: {
      fetchedAt: iso(fetchedAt),
      freshUntil: iso(fetchedAt + 15_000),
      cached: false,
      stale: false,
      shared: false,
      nextRefreshAt: iso(fetchedAt + 15_000),
      intervalSeconds: 15,
      baseIntervalSeconds: 15,
      ...extra,
    },
  };
}

/** A Response-like answer whose body reads in a microtask, so fake timers alone decide when things happen. */
const json = (body: unknown, status = 200) =>
  ({ ok: status >= 200 && status < 300, status, text: async () => JSON.stringify(body) }) as Response;

let visibility: DocumentVisibilityState = "visible";
function setVisibility(state: DocumentVisibilityState) {
  visibility = state;
  act(() => {
    document.dispatchEvent(new Event("visibilitychange", { bubbles: true }));
  });
}

/** The server: answers from a queue of responders, records when it was asked. */
function server(...responders: Array<() => Response>) {
  const asked: number[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    expect(String(input)).toMatch(/^\/api\/sites\/CDBUGS\/current-visitors\?detailed=(true|false)$/);
    asked.push(Date.now());
    const next = responders.shift();
    if (!next) throw new Error("no more answers");
    return next();
  });
  vi.stubGlobal("fetch", fetchMock);
  return asked;
}

/** Renders the panel over a server giving these answers in turn; returns when the server was asked. */
function renderPanel(...responders: Array<() => Response>) {
  const asked = server(...responders);
  const client = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } });
  render(
    <QueryClientProvider client={client}>
      <CurrentVisitorsPanel siteId="CDBUGS" siteName="Bugs Bunny" />
    </QueryClientProvider>,
  );
  return asked;
}

/** What every test starts from: 7 visitors, fetched at T. */
const sevenVisitors = () => json(answer(7, T));

const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
const figure = () => screen.getByText(/current visitors?$/, { selector: "span" }).parentElement!;

beforeEach(() => {
  vi.useFakeTimers({ now: T, toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"] });
  visibility = "visible";
  vi.spyOn(document, "visibilityState", "get").mockImplementation(() => visibility);
  vi.spyOn(document, "hidden", "get").mockImplementation(() => visibility === "hidden");
  // Recharts' responsive charts measure their box.
  vi.stubGlobal(
    "ResizeObserver",
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("the current-visitors panel", () => {
  it("shows the total in large type, the top pages and referrers, and when it was updated", async () => {
    renderPanel(sevenVisitors);
    await advance(0);
    expect(screen.getByRole("heading", { name: "Current visitors on Bugs Bunny" })).toBeTruthy();
    expect(figure().textContent).toBe("7 current visitors");
    const pages = within(screen.getByRole("region", { name: "Top pages" }));
    expect(pages.getAllByRole("listitem").map((item) => item.textContent)).toEqual(["example.com/4 visitors", "example.com/pricing3 visitors"]);
    expect(within(screen.getByRole("region", { name: "Top referrers" })).getByText("news.example")).toBeTruthy();
    expect(screen.getByText("just now")).toBeTruthy();
    await advance(12_000);
    expect(screen.getByText("12 s ago")).toBeTruthy();
  });

  it("asks again just after the server's next refresh, and the new figure replaces the old", async () => {
    const asked = renderPanel(sevenVisitors, () => json(answer(9, T + 15_000)));
    await advance(0);
    await advance(15_400);
    expect(asked).toHaveLength(1);
    await advance(200);
    expect(asked).toHaveLength(2);
    expect(asked[1]! - T).toBe(15_500);
    expect(figure().textContent).toBe("9 current visitors");
    expect(screen.getByText(/Between 7 and 9 since/)).toBeTruthy();
  });

  it("keeps the last figure with a quiet notice when a refresh is rate-limited", async () => {
    const asked = renderPanel(
      sevenVisitors,
      () => json({ error: { code: "fathom_rate_limited", message: "Fathom's request limit is reached.", retryAfter: 30 } }, 429),
      () => json(answer(8, T + 46_000)),
    );
    await advance(16_000);
    expect(asked).toHaveLength(2);
    expect(figure().textContent).toBe("7 current visitors");
    expect(screen.getByRole("status").textContent).toBe(
      "Fathom's request limit is reached for now: showing the last figure, trying again in about 30 s.",
    );
    await advance(25_000);
    expect(asked).toHaveLength(2); // retryAfter is honoured
    await advance(6_000);
    expect(asked).toHaveLength(3);
    expect(figure().textContent).toBe("8 current visitors");
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("asks nothing while the tab is hidden and catches up at once when it is shown", async () => {
    const asked = renderPanel(sevenVisitors, () => json(answer(11, T + 120_000)));
    await advance(1_000);
    setVisibility("hidden");
    await advance(120_000);
    expect(asked).toHaveLength(1);
    setVisibility("visible");
    await advance(0);
    expect(asked).toHaveLength(2);
    expect(figure().textContent).toBe("11 current visitors");
  });

  it("lets the viewer hide the top pages and referrers", async () => {
    renderPanel(sevenVisitors, () => json({ ...answer(7, T), detailed: false, pages: null, referrers: null }));
    await advance(0);
    fireEvent.click(screen.getByRole("checkbox", { name: "Top pages and referrers" }));
    await advance(0);
    expect(screen.queryByRole("region", { name: "Top pages" })).toBeNull();
    expect(figure().textContent).toBe("7 current visitors");
  });

  it("keeps the last figure when the other view (simple or detailed) fails to load", async () => {
    renderPanel(sevenVisitors, () => json({ error: { code: "fathom_unavailable", message: "Fathom is not answering right now." } }, 502));
    await advance(0);
    fireEvent.click(screen.getByRole("checkbox", { name: "Top pages and referrers" }));
    await advance(0);
    expect(figure().textContent).toBe("7 current visitors");
    expect(screen.getByRole("status").textContent).toContain("showing the last figure");
  });
});
