import { z } from "zod";
import { ApiError, unauthorized } from "@/lib/api/errors";
import { route } from "@/lib/api/route";
import { loginLimiter } from "@/lib/auth/login-limiter";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { getCurrentUser, knownDeviceEmail, signIn, signOut } from "@/lib/auth/session";
import { emailSchema, findUserWithHashByEmail } from "@/lib/auth/users";
import { clientAddress } from "@/lib/server/client";

const signInSchema = z.object({ email: emailSchema, password: z.string().min(1, "Enter your password").max(1024) });

// A real hash to compare against when the email is unknown, so both paths take the same time.
let dummyHash: Promise<string> | undefined;
const timingHash = () => (dummyHash ??= hashPassword("no such user, same cost"));

const WAIT_MESSAGES = {
  accountAddress: (seconds: number) => `Too many failed sign-ins. Try again in ${seconds} s.`,
  address: (seconds: number) => `Too many failed sign-ins from your network. Try again in ${seconds} s.`,
  account: (seconds: number) =>
    `Too many failed sign-ins for this account from elsewhere. Sign in from a browser you have used before, or try again in ${seconds} s.`,
};

export const GET = route({ access: "public" }, async () => {
  const user = await getCurrentUser();
  if (!user) throw unauthorized();
  return { user };
});

/**
 * Sign in. The attempt is counted before the password is checked (see LoginLimiter), so parallel guesses
 * cannot outrun the throttle; a refused attempt checks no password at all.
 */
export const POST = route({ access: "public", body: signInSchema }, async ({ body, request }) => {
  const limiter = loginLimiter();
  const reservation = limiter.reserve({
    email: body.email,
    address: clientAddress(request.headers),
    knownDeviceEmail: await knownDeviceEmail(),
  });
  if (!reservation.ok) {
    const wait = reservation.retryAfterSeconds;
    throw new ApiError(429, "too_many_attempts", WAIT_MESSAGES[reservation.reason](wait), { retryAfter: wait });
  }
  const found = await findUserWithHashByEmail(body.email);
  const ok = await verifyPassword(body.password, found?.passwordHash ?? (await timingHash()));
  if (!found || !ok) throw new ApiError(401, "invalid_credentials", "That email and password don't match an account.");
  limiter.succeeded(reservation.ticket);
  await signIn(found.user);
  return { user: found.user };
});

/** Sign out: the session ends in the database, so the same cookie never works again. */
export const DELETE = route({ access: "public" }, async () => {
  await signOut();
  return { ok: true };
});
