"use client";
import { useSyncExternalStore } from "react";
import { formatAgo, formatInstant } from "@/lib/format/format-date";

const subscribeNever = () => () => {};
/** The reader's timezone in the browser; UTC in the server's HTML (which cannot know it), said as such. */
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const serverZone = () => "UTC";

/**
 * "3 h ago" (or what `describe` says of the instant), with the exact time in the reader's timezone as its tooltip and machine-readable
 * `dateTime`. The server's HTML and the first browser render agree (UTC, the server's clock passed as
 * `now`); the browser then switches to its own timezone.
 */
export function RelativeTime({ iso, now, describe = formatAgo }: { iso: string; now: string; describe?: (iso: string, now: Date) => string }) {
  const zone = useSyncExternalStore(subscribeNever, browserZone, serverZone);
  const exact = `${formatInstant(iso, zone)} (${zone})`;
  return (
    <time dateTime={iso} title={exact}>
      {describe(iso, new Date(now))}
      <span className="sr-only">, {exact}</span>
    </time>
  );
}
