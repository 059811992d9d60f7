import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { route } from "@/lib/api/route";
import { roleSchema } from "@/lib/auth/roles";
import { getCurrentSession } from "@/lib/auth/session";
import { endUserSessions } from "@/lib/auth/sessions";
import { changeRole, removeUser, userIdSchema } from "@/lib/auth/users";

const params = z.object({ id: userIdSchema });

/**
 * Changes a user's role and ends their sessions, so they start again with exactly the new rights (an admin
 * changing their own role keeps the session they are using).
 */
export const PATCH = route({ access: "admin", params, body: z.object({ role: roleSchema }) }, async ({ params, body }) => {
  const updated = await changeRole(params.id, body.role);
  const current = await getCurrentSession();
  await endUserSessions(params.id, { exceptId: current?.user.id === params.id ? current.sessionId : undefined });
  return { user: updated };
});

/** Removes a user: their sessions end with them. */
export const DELETE = route({ access: "admin", params }, async ({ params, user }) => {
  if (params.id === user.id) {
    throw new ApiError(409, "cannot_remove_self", "You cannot remove yourself; ask another admin.");
  }
  await removeUser(params.id);
  return { ok: true };
});
