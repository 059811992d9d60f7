/**
 * The invites API from the browser: one options factory for the pending list, keys built only here, and
 * one function per write. Answers are parsed with the contract's schemas (lib/auth/pending-invite.ts).
 */
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { apiFetch } from "@/lib/api/client";
import { pendingInviteListSchema } from "@/lib/auth/pending-invite";
import { roleSchema, type Role } from "@/lib/auth/roles";

export const inviteKeys = {
  all: ["invites"] as const,
  pending: () => [...inviteKeys.all, "pending"] as const,
};

export function pendingInvitesOptions() {
  return queryOptions({
    queryKey: inviteKeys.pending(),
    queryFn: async ({ signal }) => pendingInviteListSchema.parse(await apiFetch("/api/invites/pending", { signal })),
  });
}

/** A new invite as POST /api/invites answers it: the only time its link is shown. */
export const createdInviteSchema = z.object({ id: z.number().int(), url: z.string(), expiresAt: z.string(), role: roleSchema });
export type CreatedInvite = z.infer<typeof createdInviteSchema>;

export async function createInvite(role: Role): Promise<CreatedInvite> {
  return createdInviteSchema.parse(await apiFetch("/api/invites", { method: "POST", body: { role } }));
}

export async function revokeInvite(id: number): Promise<void> {
  await apiFetch(`/api/invites/pending/${id}`, { method: "DELETE" });
}
