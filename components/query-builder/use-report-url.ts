"use client";
import { useCallback, useMemo, useSyncExternalStore } from "react";
import type { ReportQuery } from "@/lib/query/report-query";
import { encodeReportQuery } from "@/lib/query/url-codec";
import { reportUrlState } from "./report-url-state";

/** Fired after our own pushState (the browser fires `popstate` only for back and forward). */
const PUSHED = "sounding:report-url";

function subscribe(onChange: () => void) {
  window.addEventListener("popstate", onChange);
  window.addEventListener(PUSHED, onChange);
  return () => {
    window.removeEventListener("popstate", onChange);
    window.removeEventListener(PUSHED, onChange);
  };
}

const currentSearch = () => window.location.search;

/**
 * Adds a history entry for a report without a server round trip (Next folds `history.pushState` into its
 * router), so Back walks through earlier reports. Does nothing when the URL already says this report.
 */
export function pushReportUrl(query: ReportQuery): boolean {
  const search = `?${encodeReportQuery(query)}`;
  if (window.location.search === search) return false;
  window.history.pushState(null, "", `${window.location.pathname}${search}`);
  window.dispatchEvent(new Event(PUSHED));
  return true;
}

/**
 * The report the address bar describes, following Run (pushReportUrl) and the back and forward buttons.
 * `serverSearch` is the search string the page was rendered with, used until the browser takes over.
 */
export function useReportUrl(serverSearch: string, defaultSite: string | undefined) {
  const search = useSyncExternalStore(subscribe, currentSearch, () => serverSearch);
  const state = useMemo(() => reportUrlState(search, defaultSite), [search, defaultSite]);
  const push = useCallback((query: ReportQuery) => pushReportUrl(query), []);
  return { state, push };
}
