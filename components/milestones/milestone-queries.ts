"use client";
import { queryOptions, useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { listCache, optimisticId } from "@/components/site-writes/list-cache";
import { asClientError, type MutationHooks } from "@/components/site-writes/write-messages";
import { apiFetch } from "@/lib/api/client";
import { milestoneListResponseSchema, milestoneViewSchema, type MilestoneInput, type MilestoneView } from "@/lib/sites/milestone-input";

/** A milestone in the list: `pending` while a write about it is on its way to Fathom. */
export type ListedMilestone = MilestoneView & { pending?: boolean };

export const milestoneKeys = {
  all: () => ["milestones"] as const,
  list: (siteId: string) => ["milestones", { siteId }] as const,
};

const listPath = (siteId: string) => `/api/sites/${encodeURIComponent(siteId)}/milestones`;
const itemPath = (siteId: string, id: string) => `${listPath(siteId)}/${encodeURIComponent(id)}`;
const oneMilestone = z.object({ milestone: milestoneViewSchema });

/** Every milestone of a site (all pages), as the server lists them. */
export function milestonesQuery(siteId: string) {
  return queryOptions({
    queryKey: milestoneKeys.list(siteId),
    queryFn: async ({ signal }): Promise<ListedMilestone[]> =>
      milestoneListResponseSchema.parse(await apiFetch(listPath(siteId), { signal })).milestones,
  });
}

/** Report queries (`/explore`'s and saved reports'): their answers carry the milestones drawn as markers. */
const isReportQuery = (queryKey: readonly unknown[]) => typeof queryKey[0] === "string" && queryKey[0].startsWith("report");

type Marker = { id: string; name: string; date: string };
type ReportLike = { query: { site: string }; range: { startDate: string; endDate: string }; milestones: Marker[] };

function isReportLike(data: unknown): data is ReportLike {
  const value = data as Partial<ReportLike> | undefined;
  return (
    typeof value === "object" &&
    value !== null &&
    typeof value.query?.site === "string" &&
    typeof value.range?.startDate === "string" &&
    typeof value.range?.endDate === "string" &&
    Array.isArray(value.milestones)
  );
}

/**
 * Moves the markers of every cached report of the site at once (optimistic, like the list): `remove`
 * drops a marker by id, `add` puts one in when its date falls inside the report's range.
 */
export function patchReportMarkers(client: QueryClient, siteId: string, change: { remove?: string; add?: Marker }) {
  client.setQueriesData({ predicate: (query) => isReportQuery(query.queryKey) }, (data: unknown) => {
    if (!isReportLike(data) || data.query.site !== siteId) return data;
    let milestones = change.remove ? data.milestones.filter((m) => m.id !== change.remove) : data.milestones;
    const add = change.add;
    if (add && add.date >= data.range.startDate && add.date <= data.range.endDate) {
      milestones = [...milestones, { id: add.id, name: add.name, date: add.date }].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    }
    return { ...data, milestones };
  });
}

/** The report's site, when its key carries the report query (`["report-run", query]`); unknown otherwise. */
function siteOfReportKey(queryKey: readonly unknown[]): string | undefined {
  const query = queryKey[1] as { site?: unknown } | undefined;
  return typeof query === "object" && query !== null && typeof query.site === "string" ? query.site : undefined;
}

/** After any milestone write, settled or not: the list and the site's reports are read again from the server. */
function refreshAfterWrite(client: QueryClient, siteId: string) {
  void client.invalidateQueries({ queryKey: milestoneKeys.list(siteId) });
  void client.invalidateQueries({
    predicate: (query) => isReportQuery(query.queryKey) && (siteOfReportKey(query.queryKey) ?? siteId) === siteId,
  });
}

export function useCreateMilestone(siteId: string, hooks: MutationHooks = {}) {
  const client = useQueryClient();
  const list = listCache<ListedMilestone>(client, milestoneKeys.list(siteId));
  return useMutation({
    mutationFn: async (input: MilestoneInput) =>
      oneMilestone.parse(await apiFetch(listPath(siteId), { method: "POST", body: input })).milestone,
    onMutate: async (input) => {
      await list.cancel();
      const tempId = optimisticId();
      list.append({ id: tempId, name: input.name, date: input.milestone_date, createdAt: new Date().toISOString(), updatedAt: null, pending: true });
      patchReportMarkers(client, siteId, { add: { id: tempId, name: input.name, date: input.milestone_date } });
      return { tempId };
    },
    onError: (error, input, context) => {
      if (context) {
        list.remove(context.tempId);
        patchReportMarkers(client, siteId, { remove: context.tempId });
      }
      hooks.onFailure?.(asClientError(error), `add “${input.name}”`);
    },
    onSuccess: (milestone, _input, context) => {
      list.replace(context.tempId, milestone);
      patchReportMarkers(client, siteId, { remove: context.tempId, add: milestone });
      hooks.onDone?.(`Added milestone “${milestone.name}” on ${milestone.date}.`);
    },
    onSettled: () => refreshAfterWrite(client, siteId),
  });
}

export function useUpdateMilestone(siteId: string, hooks: MutationHooks = {}) {
  const client = useQueryClient();
  const list = listCache<ListedMilestone>(client, milestoneKeys.list(siteId));
  return useMutation({
    mutationFn: async ({ id, input }: { id: string; input: MilestoneInput }) =>
      oneMilestone.parse(await apiFetch(itemPath(siteId, id), { method: "PATCH", body: input })).milestone,
    onMutate: async ({ id, input }) => {
      await list.cancel();
      const before = list.find(id);
      if (before) list.replace(id, { ...before, name: input.name, date: input.milestone_date, pending: true });
      patchReportMarkers(client, siteId, { remove: id, add: { id, name: input.name, date: input.milestone_date } });
      return { before };
    },
    onError: (error, { id }, context) => {
      const before = context?.before;
      if (before) {
        list.replace(id, before);
        patchReportMarkers(client, siteId, { remove: id, add: before });
      }
      hooks.onFailure?.(asClientError(error), `change “${before?.name ?? "the milestone"}”`);
    },
    onSuccess: (milestone) => {
      list.replace(milestone.id, milestone);
      hooks.onDone?.(`Saved milestone “${milestone.name}” on ${milestone.date}.`);
    },
    onSettled: () => refreshAfterWrite(client, siteId),
  });
}

export function useDeleteMilestone(siteId: string, hooks: MutationHooks = {}) {
  const client = useQueryClient();
  const list = listCache<ListedMilestone>(client, milestoneKeys.list(siteId));
  return useMutation({
    mutationFn: async (milestone: MilestoneView) => {
      await apiFetch(itemPath(siteId, milestone.id), { method: "DELETE" });
      return milestone;
    },
    onMutate: async (milestone) => {
      await list.cancel();
      list.remove(milestone.id);
      patchReportMarkers(client, siteId, { remove: milestone.id });
    },
    onError: (error, milestone) => {
      list.restore(milestone);
      patchReportMarkers(client, siteId, { remove: milestone.id, add: milestone });
      hooks.onFailure?.(asClientError(error), `delete “${milestone.name}”`);
    },
    onSuccess: (milestone) => hooks.onDone?.(`Deleted milestone “${milestone.name}”.`),
    onSettled: () => refreshAfterWrite(client, siteId),
  });
}
