import { z } from "zod";
import { route } from "@/lib/api/route";
import { checkToken } from "@/lib/governor/governed-fathom";
import { clientForToken, getFathom, pastedTokenSchema } from "@/lib/server/connection";

/**
 * "Test connection": asks Fathom about a pasted token (GET /token), or about the token in use when none
 * is given, through the governor. Answers with the token's name, abilities and expiry; never the token.
 */
export const POST = route({ access: "admin", body: z.object({ token: pastedTokenSchema.optional() }) }, async ({ body }) => {
  const client = body.token ? clientForToken(body.token) : (await getFathom()).client;
  return { token: await checkToken(client) };
});
