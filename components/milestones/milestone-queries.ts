"use client";
import { queryOptions, type QueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { siteListPath, useCreateListItem, useDeleteListItem, useUpdateListItem, type SiteList } from "@/components/site-writes/list-writes";
import type { MutationHooks } from "@/components/site-writes/write-messages";
import { apiFetch } from "@/lib/api/client";
import { milestoneListResponseSchema, milestoneViewSchema, type MilestoneInput, type MilestoneView } from "@/lib/sites/milestone-input";

/** A milestone in the list: `pending` while a write about it is on its way to Fathom. */
export type ListedMilestone = MilestoneView & { pending?: boolean };

export const milestoneKeys = {
  all: () => ["milestones"] as const,
  list: (siteId: string) => ["milestones", { siteId }] as const,
};

const oneMilestone = z.object({ milestone: milestoneViewSchema });

/** Every milestone of a site (all pages), as the server lists them. */
export function milestonesQuery(siteId: string) {
  return queryOptions({
    queryKey: milestoneKeys.list(siteId),
    queryFn: async ({ signal }): Promise<ListedMilestone[]> =>
      milestoneListResponseSchema.parse(await apiFetch(siteListPath(siteId, "milestones"), { signal })).milestones,
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

/**
 * A site's milestones as the write hooks see them: every cached report of the site shows them as markers,
 * which move with the list, and those reports are read again after a write along with the list.
 */
function milestoneList(siteId: string): SiteList<ListedMilestone> {
  return {
    key: milestoneKeys.list(siteId),
    path: siteListPath(siteId, "milestones"),
    parseOne: (answer) => oneMilestone.parse(answer).milestone,
    mirror: (client, change) => patchReportMarkers(client, siteId, change),
    refreshAlso: (client) =>
      void client.invalidateQueries({
        predicate: (query) => isReportQuery(query.queryKey) && (siteOfReportKey(query.queryKey) ?? siteId) === siteId,
      }),
  };
}

export function useCreateMilestone(siteId: string, hooks: MutationHooks = {}) {
  return useCreateListItem(
    milestoneList(siteId),
    {
      optimistic: (input: MilestoneInput, id) => ({
        id,
        name: input.name,
        date: input.milestone_date,
        createdAt: new Date().toISOString(),
        updatedAt: null,
        pending: true,
      }),
      failed: (input) => `add “${input.name}”`,
      done: (milestone) => `Added milestone “${milestone.name}” on ${milestone.date}.`,
    },
    hooks,
  );
}

export function useUpdateMilestone(siteId: string, hooks: MutationHooks = {}) {
  return useUpdateListItem(
    milestoneList(siteId),
    {
      apply: (before, change: MilestoneInput) => ({ ...before, name: change.name, date: change.milestone_date, pending: true }),
      failed: ({ before }) => `change “${before?.name ?? "the milestone"}”`,
      done: (milestone) => `Saved milestone “${milestone.name}” on ${milestone.date}.`,
    },
    hooks,
  );
}

export function useDeleteMilestone(siteId: string, hooks: MutationHooks = {}) {
  return useDeleteListItem(
    milestoneList(siteId),
    { failed: (milestone) => `delete “${milestone.name}”`, done: (milestone) => `Deleted milestone “${milestone.name}”.` },
    hooks,
  );
}
