"use client";
import { useState } from "react";
import { addSample, type Sample } from "@/lib/current-visitors/history";

/**
 * The totals seen since the panel opened (one point per server fetch, last 30 minutes), kept in this
 * browser only. Updated while rendering when a new figure arrives, so no extra render pass is needed.
 */
export function useVisitorHistory(figure: { total: number; fetchedAt: string } | undefined): Sample[] {
  const [history, setHistory] = useState<Sample[]>([]);
  const [seen, setSeen] = useState<string | null>(null);
  if (figure && figure.fetchedAt !== seen) {
    setSeen(figure.fetchedAt);
    const at = Date.parse(figure.fetchedAt);
    if (!Number.isNaN(at)) setHistory((previous) => addSample(previous, { at, total: figure.total }, at));
  }
  return history;
}
