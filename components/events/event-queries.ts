"use client";
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { siteListPath, useCreateListItem, useDeleteListItem, useUpdateListItem, type SiteList } from "@/components/site-writes/list-writes";
import type { MutationHooks } from "@/components/site-writes/write-messages";
import { apiFetch } from "@/lib/api/client";
import { eventListResponseSchema, eventViewSchema, type CreateEventInput, type EventView, type UpdateEventInput } from "@/lib/sites/event-input";

/** An event in the list: `pending` while a write about it is on its way to Fathom. */
export type ListedEvent = EventView & { pending?: boolean };

export const eventKeys = {
  all: () => ["events"] as const,
  list: (siteId: string) => ["events", { siteId }] as const,
};

const oneEvent = z.object({ event: eventViewSchema });

/** Every event of a site (all pages), as the server lists them. */
export function eventsQuery(siteId: string) {
  return queryOptions({
    queryKey: eventKeys.list(siteId),
    queryFn: async ({ signal }): Promise<ListedEvent[]> =>
      eventListResponseSchema.parse(await apiFetch(siteListPath(siteId, "events"), { signal })).events,
  });
}

/** A site's events as the write hooks see them. */
function eventList(siteId: string): SiteList<ListedEvent> {
  return { key: eventKeys.list(siteId), path: siteListPath(siteId, "events"), parseOne: (answer) => oneEvent.parse(answer).event };
}

export function useCreateEvent(siteId: string, hooks: MutationHooks = {}) {
  return useCreateListItem(
    eventList(siteId),
    {
      optimistic: (input: CreateEventInput, id) => ({ id, name: input.name, currency: input.currency ?? "dollar", createdAt: new Date().toISOString(), pending: true }),
      failed: (input) => `create the event “${input.name}”`,
      done: (event) => `Created event “${event.name}”.`,
    },
    hooks,
  );
}

export function useUpdateEvent(siteId: string, hooks: MutationHooks = {}) {
  return useUpdateListItem(
    eventList(siteId),
    {
      apply: (before, change: UpdateEventInput) => ({ ...before, ...change, pending: true }),
      failed: ({ id, before }) => `change the event “${before?.name ?? id}”`,
      done: (event) => `Saved event “${event.name}”.`,
    },
    hooks,
  );
}

export function useDeleteEvent(siteId: string, hooks: MutationHooks = {}) {
  return useDeleteListItem(
    eventList(siteId),
    { failed: (event) => `delete the event “${event.name}”`, done: (event) => `Deleted event “${event.name}” and its data.` },
    hooks,
  );
}
