import { route } from "@/lib/api/route";
import { signInFirstAdmin } from "@/lib/auth/sign-in";
import { newUserSchema } from "@/lib/auth/users";

/** First-run setup: creates the first admin and signs them in. Once anyone exists it is gone (404). */
export const POST = route({ access: "public", body: newUserSchema }, ({ body }) => signInFirstAdmin(body));
