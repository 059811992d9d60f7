import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { route } from "@/lib/api/route";
import { roleSchema } from "@/lib/auth/roles";
import { changeRole, removeUser } from "@/lib/auth/users";

const params = z.object({ id: z.coerce.number().int().positive("Unknown user") });

export const PATCH = route({ access: "admin", params, body: z.object({ role: roleSchema }) }, async ({ params, body }) => ({
  user: await changeRole(params.id, body.role),
}));

export const DELETE = route({ access: "admin", params }, async ({ params, user }) => {
  if (params.id === user.id) {
    throw new ApiError(409, "cannot_remove_self", "You cannot remove yourself; ask another admin.");
  }
  await removeUser(params.id);
  return { ok: true };
});
