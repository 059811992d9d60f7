"use client";
import { useState } from "react";
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
