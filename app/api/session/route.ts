import { z } from "zod";
import { ApiError, unauthorized } from "@/lib/api/errors";
import { route } from "@/lib/api/route";
import { loginLimiter } from "@/lib/auth/login-limiter";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { getCurrentUser, getSession } from "@/lib/auth/session";
import { emailSchema, findUserWithHashByEmail } from "@/lib/auth/users";

const signInSchema = z.object({ email: emailSchema, password: z.string().min(1, "Enter your password").max(1024) });

// A real hash to compare against when the email is unknown, so both paths take the same time.
let dummyHash: Promise<string> | undefined;
const timingHash = () => (dummyHash ??= hashPassword("no such user, same cost"));

export const GET = route({ access: "public" }, async () => {
  const user = await getCurrentUser();
  if (!user) throw unauthorized();
  return { user };
});

/** Sign in. Repeated failures for one email are slowed down with a clear wait time. */
export const POST = route({ access: "public", body: signInSchema }, async ({ body }) => {
  const limiter = loginLimiter();
  const wait = limiter.retryAfterSeconds(body.email);
  if (wait > 0) {
    throw new ApiError(429, "too_many_attempts", `Too many failed sign-ins. Try again in ${wait} s.`, { retryAfter: wait });
  }
  const found = await findUserWithHashByEmail(body.email);
  const ok = await verifyPassword(body.password, found?.passwordHash ?? (await timingHash()));
  if (!found || !ok) {
    limiter.recordFailure(body.email);
    throw new ApiError(401, "invalid_credentials", "That email and password don't match an account.");
  }
  limiter.recordSuccess(body.email);
  const session = await getSession();
  session.userId = found.user.id;
  session.signedInAt = Date.now();
  await session.save();
  return { user: found.user };
});

/** Sign out. */
export const DELETE = route({ access: "public" }, async () => {
  const session = await getSession();
  session.destroy();
  return { ok: true };
});
