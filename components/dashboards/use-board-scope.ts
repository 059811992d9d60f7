"use client";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { decodeDashboardUrl, encodeDashboardUrl } from "@/lib/dashboards/dashboard-url";
import type { BoardScope } from "@/lib/dashboards/tile-query";

/** Puts `search` (without `?`) in the address in place, unless it is there already. */
function replaceSearch(search: string) {
  const href = `${window.location.pathname}${search ? `?${search}` : ""}`;
  if (`${window.location.pathname}${window.location.search}` === href) return;
  window.history.replaceState(window.history.state, "", href);
}

/**
 * The board's range and filters, kept in the address bar. A change replaces the address in place (Next
 * folds `history.replaceState` into its router: no server round trip, no history entry per click) and
 * shows at once, before the router has caught up. The router's search parameters stay the truth: Back,
 * Forward and a link to the same board with other parameters all win over the last local change. A bare
 * address means `saved`, the dashboard's saved scope.
 */
export function useBoardScope(saved: BoardScope) {
  const routerSearch = useSearchParams().toString();
  // The search this board last wrote, and the router's search it was written over.
  const [local, setLocal] = useState<{ base: string; search: string } | null>(null);
  const search = local !== null && local.base === routerSearch ? local.search : routerSearch;
  const state = useMemo(() => decodeDashboardUrl(search, saved), [search, saved]);

  const setScope = useCallback(
    (scope: BoardScope) => {
      const next = encodeDashboardUrl(scope, saved);
      setLocal({ base: routerSearch, search: next });
      replaceSearch(next);
    },
    [saved, routerSearch],
  );

  // A new saved scope (after a save or a restore): the address keeps only what still differs from it. Not
  // on the first render, so an address with ignored parts keeps them until the viewer changes something.
  const previous = useRef(saved);
  useEffect(() => {
    if (previous.current === saved) return;
    previous.current = saved;
    replaceSearch(encodeDashboardUrl(decodeDashboardUrl(window.location.search, saved).scope, saved));
  }, [saved]);

  return { ...state, setScope };
}
