/**
 * For the unit tests of the client-shares settings: a share as the API answers it, checked with the
 * contract's schema so a fixture cannot drift from it, and a render with a fresh query client. Not for
 * production code.
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { DEFAULT_REFRESH_MINUTES, shareSchema, type Share } from "@/lib/shares/share";
import { testShareSettings } from "@/lib/shares/share-test-kit";

const ada = { id: 1, name: "Ada" };

type ShareChange = Omit<Partial<Share>, "settings"> & { settings?: Partial<Share["settings"]> };

/** Share 7 of report 12 "Blog traffic" with Acme: active, no password, never viewed, the default settings. */
export function shareFixture(change: ShareChange = {}): Share {
  const { settings, ...rest } = change;
  return shareSchema.parse({
    id: 7,
    slug: "a".repeat(32),
    url: `http://localhost/share/${"a".repeat(32)}`,
    target: { kind: "report", id: 12, name: "Blog traffic" },
    settings: testShareSettings({ refreshMinutes: DEFAULT_REFRESH_MINUTES, ...settings }),
    state: "active",
    hasPassword: false,
    hasLogo: false,
    expiresAt: null,
    revokedAt: null,
    createdAt: "2026-05-01T10:00:00.000Z",
    createdBy: ada,
    updatedAt: "2026-05-01T10:00:00.000Z",
    updatedBy: ada,
    views30d: 0,
    lastViewedAt: null,
    unlockFailures30d: 0,
    ...rest,
  });
}

export function renderWithClient(node: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: false, refetchOnWindowFocus: false } } });
  return { client, ...render(<QueryClientProvider client={client}>{node}</QueryClientProvider>) };
}

/** A request the stubbed `fetch` saw, its body parsed. */
export type SeenRequest = { method: string; url: string; body: unknown };

/** Reads what `fetch` was called with, as the tests compare it. */
export function seen(input: RequestInfo | URL, init?: RequestInit): SeenRequest {
  const body = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
  return { method: init?.method ?? "GET", url: String(input), body };
}
