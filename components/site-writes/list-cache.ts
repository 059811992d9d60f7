"use client";
import type { QueryClient, QueryKey } from "@tanstack/react-query";

/**
 * The optimistic edits a write makes to a cached list of a site's items (milestones, events) and their
 * roll-backs, in one place: each leaves a list that is not cached yet alone.
 */
export function listCache<T extends { id: string }>(client: QueryClient, key: QueryKey) {
  const edit = (change: (list: T[]) => T[]) => client.setQueryData<T[]>(key, (list) => (list ? change(list) : list));
  return {
    /** Stops a refetch in flight from overwriting the optimistic edit. */
    cancel: () => client.cancelQueries({ queryKey: key }),
    find: (id: string) => client.getQueryData<T[]>(key)?.find((item) => item.id === id),
    append: (item: T) => client.setQueryData<T[]>(key, (list) => [...(list ?? []), item]),
    replace: (id: string, item: T) => edit((list) => list.map((current) => (current.id === id ? item : current))),
    remove: (id: string) => edit((list) => list.filter((current) => current.id !== id)),
    /** Puts back an item a failed delete had removed (once, wherever a refetch left the list). */
    restore: (item: T) => edit((list) => (list.some((current) => current.id === item.id) ? list : [...list, item])),
  };
}

let optimisticCounter = 0;
/** A temporary id for an item being created, until the server answers with its real one. */
export const optimisticId = () => `optimistic-${++optimisticCounter}`;
