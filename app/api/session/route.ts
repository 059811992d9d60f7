import { route } from "@/lib/api/route";
import { signOut } from "@/lib/auth/session";
import { credentialsSchema, currentSignIn, signInWithPassword } from "@/lib/auth/sign-in";
import { clientAddress } from "@/lib/server/client";

/** Who is signed in here; 401 when nobody. */
export const GET = route({ access: "public" }, () => currentSignIn());

/** Sign in with email and password, under the sign-in throttle (lib/auth/sign-in.ts). */
export const POST = route({ access: "public", body: credentialsSchema }, ({ body, request }) => signInWithPassword(body, clientAddress(request.headers)));

/** Sign out: the session ends in the database, so the same cookie never works again. */
export const DELETE = route({ access: "public" }, async () => {
  await signOut();
  return { ok: true };
});
