"use client";
import { queryOptions, useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { listCache, optimisticId } from "@/components/site-writes/list-cache";
import { asClientError, type MutationHooks } from "@/components/site-writes/write-messages";
import { apiFetch } from "@/lib/api/client";
import { eventListResponseSchema, eventViewSchema, type CreateEventInput, type EventView, type UpdateEventInput } from "@/lib/sites/event-input";

/** An event in the list: `pending` while a write about it is on its way to Fathom. */
export type ListedEvent = EventView & { pending?: boolean };

export const eventKeys = {
  all: () => ["events"] as const,
  list: (siteId: string) => ["events", { siteId }] as const,
};

const listPath = (siteId: string) => `/api/sites/${encodeURIComponent(siteId)}/events`;
const itemPath = (siteId: string, id: string) => `${listPath(siteId)}/${encodeURIComponent(id)}`;
const oneEvent = z.object({ event: eventViewSchema });

/** Every event of a site (all pages), as the server lists them. */
export function eventsQuery(siteId: string) {
  return queryOptions({
    queryKey: eventKeys.list(siteId),
    queryFn: async ({ signal }): Promise<ListedEvent[]> => eventListResponseSchema.parse(await apiFetch(listPath(siteId), { signal })).events,
  });
}

/** After any event write, settled or not: the list is read again from the server. */
function refreshAfterWrite(client: QueryClient, siteId: string) {
  void client.invalidateQueries({ queryKey: eventKeys.list(siteId) });
}

export function useCreateEvent(siteId: string, hooks: MutationHooks = {}) {
  const client = useQueryClient();
  const list = listCache<ListedEvent>(client, eventKeys.list(siteId));
  return useMutation({
    mutationFn: async (input: CreateEventInput) => oneEvent.parse(await apiFetch(listPath(siteId), { method: "POST", body: input })).event,
    onMutate: async (input) => {
      await list.cancel();
      const tempId = optimisticId();
      list.append({ id: tempId, name: input.name, currency: input.currency ?? "dollar", createdAt: new Date().toISOString(), pending: true });
      return { tempId };
    },
    onError: (error, input, context) => {
      if (context) list.remove(context.tempId);
      hooks.onFailure?.(asClientError(error), `create the event “${input.name}”`);
    },
    onSuccess: (event, _input, context) => {
      list.replace(context.tempId, event);
      hooks.onDone?.(`Created event “${event.name}”.`);
    },
    onSettled: () => refreshAfterWrite(client, siteId),
  });
}

export function useUpdateEvent(siteId: string, hooks: MutationHooks = {}) {
  const client = useQueryClient();
  const list = listCache<ListedEvent>(client, eventKeys.list(siteId));
  return useMutation({
    mutationFn: async ({ id, change }: { id: string; change: UpdateEventInput }) =>
      oneEvent.parse(await apiFetch(itemPath(siteId, id), { method: "PATCH", body: change })).event,
    onMutate: async ({ id, change }) => {
      await list.cancel();
      const before = list.find(id);
      if (before) list.replace(id, { ...before, ...change, pending: true });
      return { before };
    },
    onError: (error, { id }, context) => {
      const before = context?.before;
      if (before) list.replace(id, before);
      hooks.onFailure?.(asClientError(error), `change the event “${before?.name ?? id}”`);
    },
    onSuccess: (event) => {
      list.replace(event.id, event);
      hooks.onDone?.(`Saved event “${event.name}”.`);
    },
    onSettled: () => refreshAfterWrite(client, siteId),
  });
}

export function useDeleteEvent(siteId: string, hooks: MutationHooks = {}) {
  const client = useQueryClient();
  const list = listCache<ListedEvent>(client, eventKeys.list(siteId));
  return useMutation({
    mutationFn: async (event: EventView) => {
      await apiFetch(itemPath(siteId, event.id), { method: "DELETE" });
      return event;
    },
    onMutate: async (event) => {
      await list.cancel();
      list.remove(event.id);
    },
    onError: (error, event) => {
      list.restore(event);
      hooks.onFailure?.(asClientError(error), `delete the event “${event.name}”`);
    },
    onSuccess: (event) => hooks.onDone?.(`Deleted event “${event.name}” and its data.`),
    onSettled: () => refreshAfterWrite(client, siteId),
  });
}
