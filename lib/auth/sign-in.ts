import "server-only";
import { z } from "zod";
import { ApiError, unauthorized } from "@/lib/api/errors";
import { loginLimiter, type LoginLimiter } from "./login-limiter";
import { hashPassword, verifyPassword } from "./password";
import { getCurrentUser, knownDeviceEmail, signIn } from "./session";
import { acceptInvite, createFirstAdmin, emailSchema, findUserWithHashByEmail, userSchema, type NewUser, type User } from "./users";

export const credentialsSchema = z.object({ email: emailSchema, password: z.string().min(1, "Enter your password").max(1024) });
export type Credentials = z.infer<typeof credentialsSchema>;

/** What every way of signing in answers (and `GET /api/session`): who is signed in now. */
export const signedInSchema = z.object({ user: userSchema });
export type SignedIn = z.infer<typeof signedInSchema>;

/**
 * The one place a user who just proved who they are is signed in: a session in the database, its sealed
 * cookie, and the device cookie that exempts this browser from others' failed guesses at the account
 * (./login-limiter.ts). Route handlers only: it sets cookies.
 */
async function startSession(user: User): Promise<SignedIn> {
  await signIn(user);
  return { user };
}

/** Who this browser is signed in as; 401 when nobody. */
export async function currentSignIn(): Promise<SignedIn> {
  const user = await getCurrentUser();
  if (!user) throw unauthorized();
  return { user };
}

// A real hash to compare against when the email is unknown, so both paths take the same time.
let dummyHash: Promise<string> | undefined;
const timingHash = () => (dummyHash ??= hashPassword("no such user, same cost"));

const WAIT_MESSAGES = {
  accountAddress: (seconds: number) => `Too many failed sign-ins. Try again in ${seconds} s.`,
  address: (seconds: number) => `Too many failed sign-ins from your network. Try again in ${seconds} s.`,
  account: (seconds: number) =>
    `Too many failed sign-ins for this account from elsewhere. Sign in from a browser you have used before, or try again in ${seconds} s.`,
};

/**
 * Signs in with email and password from `address`. The attempt is counted before the password is checked
 * (see LoginLimiter), so parallel guesses cannot outrun the throttle; a refused attempt (429) checks no
 * password at all, and a right one is refunded.
 */
export async function signInWithPassword(credentials: Credentials, address: string, limiter: LoginLimiter = loginLimiter()): Promise<SignedIn> {
  const reservation = limiter.reserve({ email: credentials.email, address, knownDeviceEmail: await knownDeviceEmail() });
  if (!reservation.ok) {
    const wait = reservation.retryAfterSeconds;
    throw new ApiError(429, "too_many_attempts", WAIT_MESSAGES[reservation.reason](wait), { retryAfter: wait });
  }
  const found = await findUserWithHashByEmail(credentials.email);
  const ok = await verifyPassword(credentials.password, found?.passwordHash ?? (await timingHash()));
  if (!found || !ok) throw new ApiError(401, "invalid_credentials", "That email and password don't match an account.");
  limiter.succeeded(reservation.ticket);
  return startSession(found.user);
}

/** Spends an invite on a new account and signs its owner in; a spent or expired link is 410, a taken email 409. */
export async function signInWithInvite(token: string, input: NewUser): Promise<SignedIn> {
  return startSession(await acceptInvite(token, input));
}

/** First run: creates the first admin and signs them in; once anyone exists it is 404. */
export async function signInFirstAdmin(input: NewUser): Promise<SignedIn> {
  return startSession(await createFirstAdmin(input));
}
