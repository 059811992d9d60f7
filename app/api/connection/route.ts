import { z } from "zod";
import { route } from "@/lib/api/route";
import { checkToken } from "@/lib/governor/governed-fathom";
import { getConnectionStatus, pastedTokenSchema, removeFathomToken, saveFathomToken } from "@/lib/server/connection";

/** Where Fathom data comes from, for the settings page. Never the token; at most its last four characters. */
export const GET = route({ access: "admin" }, async () => ({ status: await getConnectionStatus() }));

/** Save (or replace) the token: checked with Fathom first, then stored encrypted. */
export const PUT = route({ access: "admin", body: z.object({ token: pastedTokenSchema }) }, async ({ body }) => {
  const token = await saveFathomToken(body.token, checkToken);
  return { token, status: await getConnectionStatus() };
});

/** Remove the stored token: back to demo mode unless FATHOM_API_TOKEN is set. */
export const DELETE = route({ access: "admin" }, async () => {
  const removed = await removeFathomToken();
  return { removed, status: await getConnectionStatus() };
});
