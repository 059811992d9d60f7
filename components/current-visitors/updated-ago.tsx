"use client";
import { useNow } from "./use-now";

/** "just now", "12 s ago", "3 min ago", then the time of day, written as the reports write times (`9:05 AM`). */
export function agoText(fetchedAt: number, now: number): string {
  const seconds = Math.max(0, Math.floor((now - fetchedAt) / 1000));
  if (seconds < 2) return "just now";
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  return `at ${new Date(fetchedAt).toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit" })}`;
}

/** Ticks every second. Deliberately not a live region: screen readers read it when they get to it. */
export function UpdatedAgo({ fetchedAt }: { fetchedAt: string }) {
  const now = useNow(1000);
  const at = Date.parse(fetchedAt);
  return (
    <p className="text-xs text-muted tabular-nums">
      Updated <time dateTime={fetchedAt}>{agoText(at, now)}</time>
    </p>
  );
}
