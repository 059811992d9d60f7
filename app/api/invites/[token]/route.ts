import { z } from "zod";
import { route } from "@/lib/api/route";
import { signInWithInvite } from "@/lib/auth/sign-in";
import { newUserSchema } from "@/lib/auth/users";

const params = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{10,100}$/, "That is not an invite link") });

/** Accepts an invite: creates the invitee's account and signs them in. A spent or expired link gets 410. */
export const POST = route({ access: "public", params, body: newUserSchema }, ({ params, body }) => signInWithInvite(params.token, body));
