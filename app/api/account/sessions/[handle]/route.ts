import { z } from "zod";
import { notFound } from "@/lib/api/errors";
import { route } from "@/lib/api/route";
import { clearSessionCookie, getCurrentSession } from "@/lib/auth/session";
import { endSessionByHandle } from "@/lib/auth/sessions";

const params = z.object({ handle: z.string().regex(/^[0-9a-f]{12}$/, "Unknown session") });

/** Signs one of your browsers out (the one you lost, say); only your own sessions can be named. */
export const DELETE = route({ access: "viewer", params }, async ({ params, user }) => {
  const current = await getCurrentSession();
  if (!(await endSessionByHandle(user.id, params.handle))) throw notFound("That session");
  if (current?.sessionId.startsWith(params.handle)) await clearSessionCookie();
  return { ok: true };
});
