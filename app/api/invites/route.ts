import { z } from "zod";
import { route } from "@/lib/api/route";
import { roleSchema } from "@/lib/auth/roles";
import { createInvite } from "@/lib/auth/users";

/** Creates a one-time invite link (shown once, valid 7 days). */
export const POST = route({ access: "admin", body: z.object({ role: roleSchema }) }, async ({ body, user, request }) => {
  const { token, expiresAt } = await createInvite(body.role, user.id);
  const origin = request.headers.get("origin") ?? request.nextUrl.origin;
  return { url: `${origin}/invite/${token}`, expiresAt, role: body.role };
});
