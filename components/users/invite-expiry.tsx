"use client";
import { useSyncExternalStore } from "react";
import { formatInstant } from "@/lib/format/format-date";

/** How long an invite has left: `expires in 7 days`, `expires in 5 h`, `expires in 12 min`, `expired`. */
export function formatExpiresIn(iso: string, now: Date): string {
  const left = Date.parse(iso) - now.getTime();
  if (Number.isNaN(left)) return "—";
  if (left <= 0) return "expired";
  const minutes = Math.round(left / 60_000);
  if (minutes < 60) return `expires in ${Math.max(1, minutes)} min`;
  const hours = Math.round(left / 3_600_000);
  if (hours < 48) return `expires in ${hours} h`;
  return `expires in ${Math.round(left / 86_400_000)} days`;
}

const subscribeNever = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const serverZone = () => "UTC";

/**
 * "expires in 3 days", counted from the server's clock (`now`) so the page's HTML and the browser agree, with
 * the exact time in the reader's timezone as its tooltip (UTC in the HTML, which cannot know it).
 */
export function InviteExpiry({ iso, now }: { iso: string; now: string }) {
  const zone = useSyncExternalStore(subscribeNever, browserZone, serverZone);
  const exact = `${formatInstant(iso, zone)} (${zone})`;
  return (
    <time dateTime={iso} title={exact}>
      {formatExpiresIn(iso, new Date(now))}
      <span className="sr-only">, {exact}</span>
    </time>
  );
}
