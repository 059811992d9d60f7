import { z } from "zod";
import { route } from "@/lib/api/route";
import { signIn } from "@/lib/auth/session";
import { acceptInvite, newUserSchema } from "@/lib/auth/users";

/** Accepts an invite: creates the invitee's account and signs them in. A spent or expired link gets 410. */
export const POST = route(
  { access: "public", params: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{10,100}$/, "That is not an invite link") }), body: newUserSchema },
  async ({ params, body }) => {
    const user = await acceptInvite(params.token, body);
    await signIn(user);
    return { user };
  },
);
