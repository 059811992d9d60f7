// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { BudgetState, ClassState } from "@/lib/governor/budget-state";
import { BudgetIndicator, reportsTone } from "./budget-indicator";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const classState = (available: number, capacity: number, extra: Partial<ClassState> = {}): ClassState => ({
  capacity,
  available,
  windowSeconds: 61,
  nextTokenAt: null,
  pausedUntil: null,
  queued: { interactive: 1, share: 0, poll: 2 },
  upstream: { lastMinute: capacity - available, today: 40, month: 900, sinceStart: 12 },
  ...extra,
});

const budget = (reports: ClassState): BudgetState => ({
  at: "2026-03-10T12:00:00.000Z",
  classes: { reports, management: classState(1990, 2000, { windowSeconds: 3601 }) },
  concurrency: { max: 5, inFlight: 1 },
  cache: { requests: 200, hits: 150, shared: 30, stale: 2, rejected: 0, hitRatio: 0.9, entries: 40 },
});

function renderWith(state: BudgetState) {
  vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify(state), { status: 200 })));
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <BudgetIndicator />
    </QueryClientProvider>,
  );
}

describe("BudgetIndicator", () => {
  it("shows report requests left, and the details on click", async () => {
    renderWith(budget(classState(7, 10)));
    const button = await screen.findByTestId("budget-indicator");
    expect(button.textContent).toBe("Reports 7/10");
    expect(button.dataset.tone).toBe("good");
    // The details are the browser's popover, opened by the button (popovertarget), hidden until then by the browser.
    const details = document.getElementById(button.getAttribute("popovertarget")!)!;
    expect(details.getAttribute("popover")).toBe("auto");
    expect(within(details).getByText("Fathom API budget")).toBeTruthy();
    expect(within(details).getByText("90 % of 200")).toBeTruthy();
    expect(within(details).getByText("3 · 40 · 900")).toBeTruthy();
  });

  it("turns amber below half and red when empty or paused by Fathom", () => {
    expect(reportsTone(classState(5, 10))).toBe("good");
    expect(reportsTone(classState(4, 10))).toBe("warn");
    expect(reportsTone(classState(0, 10))).toBe("bad");
    expect(reportsTone(classState(9, 10, { pausedUntil: "2026-03-10T12:00:30.000Z" }))).toBe("bad");
  });
});
