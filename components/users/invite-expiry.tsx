"use client";
import { RelativeTime } from "@/components/saved-reports/relative-time";

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

/** "expires in 3 days", counted from the server's clock (`now`), with the exact time as its tooltip. */
export function InviteExpiry({ iso, now }: { iso: string; now: string }) {
  return <RelativeTime iso={iso} now={now} describe={formatExpiresIn} />;
}
