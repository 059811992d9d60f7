import { z } from "zod";
import { route } from "@/lib/api/route";
import { clearSessionCookie } from "@/lib/auth/session";
import { endUserSessions } from "@/lib/auth/sessions";
import { findUserById, userIdSchema } from "@/lib/auth/users";
import { notFound } from "@/lib/api/errors";

/** An admin signs a user out everywhere (a lost laptop, a shared password): every session of theirs ends at once. */
export const DELETE = route({ access: "admin", params: z.object({ id: userIdSchema }) }, async ({ params, user }) => {
  if (!(await findUserById(params.id))) throw notFound("That user");
  const ended = await endUserSessions(params.id);
  if (params.id === user.id) await clearSessionCookie();
  return { ended };
});
