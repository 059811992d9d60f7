/** Durations the way a dashboard reads them: `45s`, `2m 05s`, `1h 02m`. Isomorphic. */
import { NO_VALUE } from "./format-number";

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return NO_VALUE;
  const total = Math.round(seconds);
  if (total < 60) return `${total}s`;
  const pad = (n: number) => String(n).padStart(2, "0");
  if (total < 3600) return `${Math.floor(total / 60)}m ${pad(total % 60)}s`;
  // Hours and minutes: round to the nearest minute, so 1h 59m 45s reads 2h 00m.
  const minutes = Math.round(total / 60);
  return `${Math.floor(minutes / 60)}h ${pad(minutes % 60)}m`;
}
