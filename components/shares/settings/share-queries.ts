/**
 * The client-shares admin API from the browser: one options factory for the list, keys built only here,
 * and one function per write. Every answer is parsed with the contract's schemas (lib/shares/share.ts),
 * so the settings pages never read a field the server did not promise.
 */
import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch } from "@/lib/api/client";
import { newShareSchema, shareChangeSchema, shareListSchema, shareSchema, type Share, type ShareAction } from "@/lib/shares/share";

export const shareKeys = {
  all: ["shares"] as const,
  list: () => [...shareKeys.all, "list"] as const,
};

export function shareListOptions() {
  return queryOptions({
    queryKey: shareKeys.list(),
    queryFn: async ({ signal }) => shareListSchema.parse(await apiFetch("/api/shares", { signal })).shares,
  });
}

export async function createShare(body: z.output<typeof newShareSchema>): Promise<Share> {
  return shareSchema.parse(await apiFetch("/api/shares", { method: "POST", body }));
}

export async function changeShare(id: number, body: z.output<typeof shareChangeSchema>): Promise<Share> {
  return shareSchema.parse(await apiFetch(`/api/shares/${id}`, { method: "PATCH", body }));
}

/** Pause, resume, rotate (a new link) or revoke: the share as it is afterwards. */
export async function actOnShare(id: number, action: ShareAction): Promise<Share> {
  return shareSchema.parse(await apiFetch(`/api/shares/${id}/state`, { method: "POST", body: { action } }));
}
