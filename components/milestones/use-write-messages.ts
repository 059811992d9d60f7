"use client";
import { useIsMutating } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { ApiClientError } from "@/lib/api/client";
import type { MutationHooks } from "./milestone-queries";

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
