"use client";
import { useSyncExternalStore } from "react";

const subscribeNever = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const serverZone = () => "UTC";

/**
 * The reader's timezone: "UTC" in the server's HTML (which cannot know it) and in the first browser render,
 * so the two agree, then the browser's own.
 */
export function useBrowserZone(): string {
  return useSyncExternalStore(subscribeNever, browserZone, serverZone);
}
