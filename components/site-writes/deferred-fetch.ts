/**
 * For unit tests of write hooks: a stubbed `fetch` that answers once, after `release()`, so the optimistic
 * state can be looked at in between. Undo with `vi.unstubAllGlobals()`.
 */
import { vi } from "vitest";

export function deferredFetch(status: number, body: unknown) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const fetchMock = vi.fn(async () => {
    await gate;
    return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
  });
  vi.stubGlobal("fetch", fetchMock);
  return { fetchMock, release };
}
