import { z } from "zod";
import { route } from "@/lib/api/route";
import { revokeInvite } from "@/lib/auth/invites";
import { inviteIdSchema } from "@/lib/auth/pending-invite";

const params = z.object({ id: inviteIdSchema });

/**
 * Revokes a pending invite: its link stops working at once (the invite page and the accept route say it is
 * no longer valid). 404 for an invite that is unknown, already used, expired or already revoked.
 */
export const DELETE = route({ access: "admin", params }, async ({ params }) => {
  await revokeInvite(params.id);
  return { ok: true };
});
