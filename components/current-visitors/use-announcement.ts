"use client";
import { useEffect, useState } from "react";
import { announcementDelay, visitorsSentence } from "@/lib/current-visitors/announce";

/**
 * The text of the panel's polite live region: the figure when it changes, at most once a minute, so a
 * screen reader is told about changes without hearing every poll.
 */
export function useAnnouncement(total: number | undefined): string {
  const [announced, setAnnounced] = useState<{ total: number; at: number } | null>(null);
  useEffect(() => {
    if (total === undefined) return;
    const delay = announcementDelay(announced, total, Date.now());
    if (delay === null) return;
    const timer = setTimeout(() => setAnnounced({ total, at: Date.now() }), delay);
    return () => clearTimeout(timer);
  }, [total, announced]);
  return announced ? `Now ${visitorsSentence(announced.total)}.` : "";
}
