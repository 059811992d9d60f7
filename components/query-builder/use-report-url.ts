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

/** The saved report an Explore address edits (`?report=12&site=…`), as written; null when none. */
export function savedReportParam(search: string): string | null {
  return new URLSearchParams(search).get("report");
}

/** The search string of a report, with the saved report it edits (if any) in front, as `savedReportExploreHref` writes it. */
function reportSearch(query: ReportQuery, report: string | null): string {
  return `?${report === null ? "" : `report=${encodeURIComponent(report)}&`}${encodeReportQuery(query)}`;
}

/**
 * Adds a history entry for a report without a server round trip (Next folds `history.pushState` into its
 * router), so Back walks through earlier reports. Does nothing when the URL already says this report.
 * The saved report the address edits (`report=`) is kept: editing a saved report goes on across runs.
 */
export function pushReportUrl(query: ReportQuery): boolean {
  const search = reportSearch(query, savedReportParam(window.location.search));
  if (window.location.search === search) return false;
  window.history.pushState(null, "", `${window.location.pathname}${search}`);
  window.dispatchEvent(new Event(PUSHED));
  return true;
}

/**
 * Points the current address at another saved report (after "Save" or "Save as new") or at none (a
 * report that no longer exists), in place: the report on screen is the same, so no history entry.
 */
export function replaceSavedReportParam(report: number | null): void {
  // The rest is kept as written (URLSearchParams would re-escape the codec's readable `,` `/` `:`).
  const rest = window.location.search
    .replace(/^\?/, "")
    .split("&")
    .filter((part) => part !== "" && !part.startsWith("report="))
    .join("&");
  const search = report === null ? (rest ? `?${rest}` : "") : `?report=${report}${rest ? `&${rest}` : ""}`;
  window.history.replaceState(window.history.state, "", `${window.location.pathname}${search}`);
  window.dispatchEvent(new Event(PUSHED));
}

const currentReportParam = () => savedReportParam(window.location.search);

/**
 * The saved report the address bar edits, following saves, Back and Forward. `serverValue` is the one
 * the page was rendered with, used until the browser takes over.
 */
export function useSavedReportParam(serverValue: string | null): string | null {
  return useSyncExternalStore(subscribe, currentReportParam, () => serverValue);
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
