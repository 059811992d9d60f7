"use client";
import { keepPreviousData, queryOptions, useQuery, useQueryClient, type Query } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { ApiClientError, apiFetch } from "@/lib/api/client";
import { currentVisitorsAnswerSchema, type CurrentVisitorsAnswer } from "@/lib/current-visitors/answer";
import { nextPollAt, pollDelay, type PollState } from "@/lib/current-visitors/poll";

/** Until the first answer says otherwise (CURRENT_VISITORS_INTERVAL_SECONDS' default). */
const FALLBACK_INTERVAL_MS = 15_000;

type Key = readonly ["current-visitors", { siteId: string; detailed: boolean }];

/** The one query for a site's current visitors; its key carries everything the request depends on. */
export function currentVisitorsQuery(siteId: string, detailed: boolean) {
  return queryOptions({
    queryKey: ["current-visitors", { siteId, detailed }] as Key,
    queryFn: async ({ queryKey: [, params], signal }) => {
      const search = new URLSearchParams({ detailed: String(params.detailed) });
      const json = await apiFetch(`/api/sites/${encodeURIComponent(params.siteId)}/current-visitors?${search}`, { signal });
      return currentVisitorsAnswerSchema.parse(json);
    },
    // Fresh until the server has a newer figure: remounting before then asks nothing.
    staleTime: (query) => {
      const next = query.state.data?.meta.nextRefreshAt;
      return next ? Math.max(0, Date.parse(next) - Date.now()) : 0;
    },
  });
}

type CurrentVisitorsQuery = Query<CurrentVisitorsAnswer, Error, CurrentVisitorsAnswer, Key>;

function pollState(state: CurrentVisitorsQuery["state"]): PollState {
  const { data, error, errorUpdatedAt, dataUpdatedAt } = state;
  return {
    nextRefreshAt: data?.meta.nextRefreshAt,
    answeredAt: data ? dataUpdatedAt : 0,
    failedAt: error ? errorUpdatedAt : 0,
    retryAfterSeconds: error instanceof ApiClientError ? error.retryAfter : undefined,
    intervalMs: data ? data.meta.intervalSeconds * 1000 : FALLBACK_INTERVAL_MS,
  };
}

/**
 * react-query's `refetchInterval`, counted from the query's last answer or failure: react-query restarts
 * its timer then, and re-renders in between compute the same value, so they do not restart it.
 */
export function refetchDelay(query: CurrentVisitorsQuery): number {
  const { dataUpdatedAt, errorUpdatedAt } = query.state;
  const since = Math.max(dataUpdatedAt, errorUpdatedAt);
  return pollDelay(nextPollAt(pollState(query.state)), since > 0 ? since : 0);
}

/**
 * Polls a site's current visitors on the server's schedule. Nothing is asked while the tab is hidden
 * (react-query skips interval refetches then); when it is shown again, a figure that is due is asked
 * for at once.
 */
export function useCurrentVisitors(siteId: string, detailed: boolean) {
  const result = useQuery({
    ...currentVisitorsQuery(siteId, detailed),
    refetchInterval: refetchDelay,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: false,
    // A failed poll is tried again on the polling schedule (honouring retryAfter), not at once.
    retry: false,
    // Switching between simple and detailed keeps the last figure on screen while the other loads.
    placeholderData: keepPreviousData,
  });

  const queryClient = useQueryClient();
  const { refetch } = result;
  useEffect(() => {
    const { queryKey } = currentVisitorsQuery(siteId, detailed);
    const onVisibility = () => {
      if (document.visibilityState !== "visible") return;
      const query = queryClient.getQueryCache().find<CurrentVisitorsAnswer, Error, CurrentVisitorsAnswer>({ queryKey, exact: true });
      const dueAt = query ? nextPollAt(pollState(query.state as CurrentVisitorsQuery["state"])) : 0;
      if (dueAt <= Date.now()) void refetch({ cancelRefetch: false });
    };
    document.addEventListener("visibilitychange", onVisibility);
    return () => document.removeEventListener("visibilitychange", onVisibility);
  }, [queryClient, siteId, detailed, refetch]);

  // The last figure this site answered with, in either view: when switching views fails (the new key has
  // no data, and keepPreviousData only covers loading), the panel keeps it with its notice, never blanks.
  const [lastGood, setLastGood] = useState<CurrentVisitorsAnswer | undefined>(undefined);
  if (result.data && result.data !== lastGood && !result.isPlaceholderData) setLastGood(result.data);
  const data = result.data ?? (lastGood?.siteId === siteId ? lastGood : undefined);
  return { ...result, data };
}
