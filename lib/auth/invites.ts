import "server-only";
import { ApiError } from "@/lib/api/errors";
import { invitesRepository } from "@/lib/store/invites-repository";
import { FORMER_MEMBER } from "@/lib/store/versioned-documents";
import { pendingInviteSchema, type PendingInviteList } from "./pending-invite";

/**
 * The invites an admin can still revoke: not used, not expired (a revoked one is gone). Never the token
 * or its hash: an invite is named by its id.
 */
export async function listPendingInvites(now = new Date()): Promise<PendingInviteList> {
  const stored = await (await invitesRepository()).listPending(now);
  const invites = stored.map((invite) =>
    pendingInviteSchema.parse({
      id: invite.id,
      role: invite.role,
      invitedBy: invite.createdByName === null ? { id: null, name: FORMER_MEMBER } : { id: invite.createdBy, name: invite.createdByName },
      createdAt: invite.createdAt,
      expiresAt: invite.expiresAt,
    }),
  );
  return { invites, now: now.toISOString() };
}

export const inviteNotPending = (id: number) =>
  new ApiError(404, "invite_not_found", `There is no pending invite ${id}: it was already used, it expired or it was revoked.`);

/** Revokes a pending invite: its link stops working at once. 404 when it is unknown, used, expired or already revoked. */
export async function revokeInvite(id: number, now = new Date()): Promise<void> {
  if (!(await (await invitesRepository()).revokePending(id, now))) throw inviteNotPending(id);
}
