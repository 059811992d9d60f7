import { z } from "zod";
import { route } from "@/lib/api/route";
import { getSession } from "@/lib/auth/session";
import { acceptInvite, newUserSchema } from "@/lib/auth/users";

/** Accepts an invite: creates the invitee's account and signs them in. A spent or expired link gets 410. */
export const POST = route(
  { access: "public", params: z.object({ token: z.string().min(10).max(100) }), body: newUserSchema },
  async ({ params, body }) => {
    const user = await acceptInvite(params.token, body);
    const session = await getSession();
    session.userId = user.id;
    session.signedInAt = Date.now();
    await session.save();
    return { user };
  },
);
