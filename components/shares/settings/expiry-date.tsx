"use client";
import { useBrowserZone } from "./use-browser-zone";

/**
 * The day a share expires at the end of, in the reader's timezone (the form set it as the end of a day
 * there); UTC in the server's HTML, which cannot know it.
 */
export function ExpiryDate({ iso }: { iso: string }) {
  const zone = useBrowserZone();
  const day = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: zone }).format(new Date(iso));
  return <time dateTime={iso}>{day}</time>;
}
