"use client";
import { useCallback, useMemo, useSyncExternalStore } from "react";
import { listOptionsSearch, readListOptions, type ReportListOptions } from "./report-list-options";

/** Fired after our own replaceState (the browser fires `popstate` only for back and forward). */
const REPLACED = "sounding:report-list-url";

function subscribe(onChange: () => void) {
  window.addEventListener("popstate", onChange);
  window.addEventListener(REPLACED, onChange);
  return () => {
    window.removeEventListener("popstate", onChange);
    window.removeEventListener(REPLACED, onChange);
  };
}

const currentSearch = () => window.location.search;

/**
 * The Reports page's search, filters and sort, read from and written to the address bar in place (no
 * history entry per keystroke, no server round trip: Next folds `history.replaceState` into its router),
 * so the address is always a link to the list on screen. `serverSearch` is what the page was rendered with.
 */
export function useListOptions(serverSearch: string): [ReportListOptions, (next: ReportListOptions) => void] {
  const search = useSyncExternalStore(subscribe, currentSearch, () => serverSearch);
  const options = useMemo(() => readListOptions(search), [search]);
  const setOptions = useCallback((next: ReportListOptions) => {
    window.history.replaceState(window.history.state, "", `${window.location.pathname}${listOptionsSearch(next)}`);
    window.dispatchEvent(new Event(REPLACED));
  }, []);
  return [options, setOptions];
}
