import { route } from "@/lib/api/route";
import { signIn } from "@/lib/auth/session";
import { createFirstAdmin, newUserSchema } from "@/lib/auth/users";

/** First-run setup: creates the first admin and signs them in. Once anyone exists it is gone (404). */
export const POST = route({ access: "public", body: newUserSchema }, async ({ body }) => {
  const user = await createFirstAdmin(body);
  await signIn(user);
  return { user };
});
