/**
 * Drives the standalone Fathom simulator the e2e servers talk to (its `/_sim/` control API): read the
 * requests it received, inject faults, change its figures. The simulator is shared by every spec of a
 * run, so read the log as "requests since a mark", never as absolute counts.
 */
import { SIM_URL } from "./env";

export type SimRequest = { at: string; method: string; path: string; query: Record<string, string>; status: number };

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${SIM_URL}/_sim/${path}`, {
    method,
    headers: body === undefined ? undefined : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`simulator control ${method} ${path} answered ${response.status}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export async function simRequests(): Promise<SimRequest[]> {
  const answer = await call<SimRequest[] | { requests: SimRequest[] }>("GET", "requests");
  return Array.isArray(answer) ? answer : answer.requests;
}

/** A mark in the request log; `since()` gives the requests received after it (optionally by path prefix). */
export async function markRequests() {
  const seen = (await simRequests()).length;
  return {
    since: async (pathPrefix?: string) =>
      (await simRequests()).slice(seen).filter((r) => !pathPrefix || r.path.startsWith(pathPrefix)),
  };
}

export const injectFault = (fault: { status: number; count: number; retryAfter?: number; path?: string; body?: unknown }) =>
  call("POST", "faults", fault);
export const clearFaults = () => call("DELETE", "faults");
export const setSimConfig = (config: {
  latencyMs?: number;
  rateLimits?: { reportsPerMinute: number; otherPerHour: number; concurrency: number } | false;
  now?: string | null;
  currentVisitors?: { siteId: string; total: number | null };
}) => call("POST", "config", config);
