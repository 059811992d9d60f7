"use client";
import { useMutation, useQueryClient, type QueryClient, type QueryKey } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/client";
import { listCache, optimisticId } from "./list-cache";
import { asClientError, type MutationHooks } from "./write-messages";

/** A marker change on caches that show the same items as the list: drop one by id, put one in. */
export type MirrorChange<T> = { remove?: string; add?: T };

/**
 * A site's list of milestones or events as its write hooks see it. Every write shows at once in the
 * cached list (marked `pending`), is rolled back when refused, and the list is read again once it settled.
 */
export type SiteList<T extends { id: string }> = {
  /** The react-query key of the list. */
  key: QueryKey;
  /** Sounding's API path of the list; an item is at `${path}/${id}`. */
  path: string;
  /** The item out of a write's answer (`{ event }`, `{ milestone }`). */
  parseOne: (answer: unknown) => T;
  /** Other cached answers that show the same items and move with the list (a milestone's report markers). */
  mirror?: (client: QueryClient, change: MirrorChange<T>) => void;
  /** What else to read again once a write settled (the list itself always is). */
  refreshAlso?: (client: QueryClient) => void;
};

/** What a write says to the page: the `what` of "Could not …", and the message once Fathom has it. */
type Words<I, T> = { failed: (input: I) => string; done: (item: T) => string };

function useListWrites<T extends { id: string }>(spec: SiteList<T>) {
  const client = useQueryClient();
  return {
    list: listCache<T>(client, spec.key),
    mirror: (change: MirrorChange<T>) => spec.mirror?.(client, change),
    refresh: () => {
      void client.invalidateQueries({ queryKey: spec.key });
      spec.refreshAlso?.(client);
    },
  };
}

/** Sounding's API path of a site's milestones or events. */
export const siteListPath = (siteId: string, list: "events" | "milestones") => `/api/sites/${encodeURIComponent(siteId)}/${list}`;

const itemPath = (spec: { path: string }, id: string) => `${spec.path}/${encodeURIComponent(id)}`;

/** Creates an item: shown at once under a temporary id (`optimistic(input, id)`), which Fathom's answer replaces. */
export function useCreateListItem<T extends { id: string }, I>(
  spec: SiteList<T>,
  write: Words<I, T> & { optimistic: (input: I, id: string) => T },
  hooks: MutationHooks,
) {
  const { list, mirror, refresh } = useListWrites(spec);
  return useMutation({
    mutationFn: async (input: I) => spec.parseOne(await apiFetch(spec.path, { method: "POST", body: input })),
    onMutate: async (input) => {
      await list.cancel();
      const item = write.optimistic(input, optimisticId());
      list.append(item);
      mirror({ add: item });
      return { tempId: item.id };
    },
    onError: (error, input, context) => {
      if (context) {
        list.remove(context.tempId);
        mirror({ remove: context.tempId });
      }
      hooks.onFailure?.(asClientError(error), write.failed(input));
    },
    onSuccess: (item, _input, context) => {
      list.replace(context.tempId, item);
      mirror({ remove: context.tempId, add: item });
      hooks.onDone?.(write.done(item));
    },
    onSettled: refresh,
  });
}

/** Changes an item: shown changed at once (`apply(before, change)`), put back as it was when refused. */
export function useUpdateListItem<T extends { id: string }, C>(
  spec: SiteList<T>,
  write: Words<{ id: string; before: T | undefined }, T> & { apply: (before: T, change: C) => T },
  hooks: MutationHooks,
) {
  const { list, mirror, refresh } = useListWrites(spec);
  return useMutation({
    mutationFn: async ({ id, change }: { id: string; change: C }) => spec.parseOne(await apiFetch(itemPath(spec, id), { method: "PATCH", body: change })),
    onMutate: async ({ id, change }) => {
      await list.cancel();
      const before = list.find(id);
      if (before) {
        const changed = write.apply(before, change);
        list.replace(id, changed);
        mirror({ remove: id, add: changed });
      }
      return { before };
    },
    onError: (error, { id }, context) => {
      const before = context?.before;
      if (before) {
        list.replace(id, before);
        mirror({ remove: id, add: before });
      }
      hooks.onFailure?.(asClientError(error), write.failed({ id, before }));
    },
    onSuccess: (item) => {
      list.replace(item.id, item);
      mirror({ remove: item.id, add: item });
      hooks.onDone?.(write.done(item));
    },
    onSettled: refresh,
  });
}

/** Deletes an item: gone from the list at once, back where it was when refused. */
export function useDeleteListItem<T extends { id: string }>(spec: SiteList<T>, write: Words<T, T>, hooks: MutationHooks) {
  const { list, mirror, refresh } = useListWrites(spec);
  return useMutation({
    mutationFn: async (item: T) => {
      await apiFetch(itemPath(spec, item.id), { method: "DELETE" });
      return item;
    },
    onMutate: async (item) => {
      await list.cancel();
      list.remove(item.id);
      mirror({ remove: item.id });
    },
    onError: (error, item) => {
      list.restore(item);
      mirror({ remove: item.id, add: item });
      hooks.onFailure?.(asClientError(error), write.failed(item));
    },
    onSuccess: (item) => hooks.onDone?.(write.done(item)),
    onSettled: refresh,
  });
}
