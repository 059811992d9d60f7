import { z } from "zod";
import { route } from "@/lib/api/route";
import { roleSchema } from "@/lib/auth/roles";
import { createInvite } from "@/lib/auth/users";
import { publicOrigin } from "@/lib/server/client";

/** Creates a one-time invite link (shown once, valid 7 days); `id` names it in /api/invites/pending. */
export const POST = route({ access: "admin", body: z.object({ role: roleSchema }) }, async ({ body, user, request }) => {
  const { id, token, expiresAt } = await createInvite(body.role, user.id);
  // Never from a forwarded header: from PUBLIC_URL, or the origin this request was addressed to.
  return { id, url: `${publicOrigin(request.headers)}/invite/${token}`, expiresAt, role: body.role };
});
