"use client";
import { useIsMutating } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { ApiClientError } from "@/lib/api/client";

/** What a page hears from its write mutations (milestones, events): the list is already rolled back on failure. */
export type MutationHooks = {
  /** Called when Fathom (or Sounding) refused the write, after the list was rolled back. */
  onFailure?: (error: ApiClientError, what: string) => void;
  onDone?: (message: string) => void;
};

/** Any failure as an ApiClientError, so hooks always get a message to show. */
export function asClientError(error: unknown): ApiClientError {
  return error instanceof ApiClientError
    ? error
    : new ApiClientError(0, { code: "unexpected", message: "Something went wrong. Try again." });
}

export type WriteMessage = { tone: "error" | "success"; text: string };

/** The outcome of the last write on a page, in words: a refusal says that nothing was changed. */
export function useWriteMessages(): [WriteMessage | null, MutationHooks, () => void] {
  const [message, setMessage] = useState<WriteMessage | null>(null);
  const hooks: MutationHooks = {
    onFailure: (error, what) => setMessage({ tone: "error", text: `Could not ${what}. ${error.message} Nothing was changed.` }),
    onDone: (text) => setMessage({ tone: "success", text }),
  };
  return [message, hooks, () => setMessage(null)];
}

/** The per-field messages of a refused write (Fathom's `errors`, or Sounding's own checks). */
export function fieldsOf(error: unknown): Record<string, string[]> | undefined {
  return error instanceof ApiClientError ? error.fields : undefined;
}

/**
 * While a write is still on its way (the list already shows it), leaving the page would drop it
 * silently: the browser asks first.
 */
export function useWarnBeforeLeavingWithPendingWrites() {
  const pending = useIsMutating();
  useEffect(() => {
    if (pending === 0) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [pending]);
}
