import { z } from "zod";
import { ApiError, unauthorized } from "@/lib/api/errors";
import { route } from "@/lib/api/route";
import { loginLimiter } from "@/lib/auth/login-limiter";
import { verifyPassword } from "@/lib/auth/password";
import { getCurrentSession, knownDeviceEmail } from "@/lib/auth/session";
import { endUserSessions } from "@/lib/auth/sessions";
import { findPasswordHash, passwordSchema, setPassword } from "@/lib/auth/users";
import { clientAddress } from "@/lib/server/client";

const body = z
  .object({ currentPassword: z.string().min(1, "Enter your current password").max(1024), newPassword: passwordSchema })
  .refine((value) => value.currentPassword !== value.newPassword, { path: ["newPassword"], message: "Choose a password different from the current one" });

/**
 * Changes your password. The current one is checked under the sign-in throttle (a stolen session cannot
 * guess it quickly), and every other session of yours ends: whoever knew the old password is signed out.
 */
export const POST = route({ access: "viewer", body }, async ({ body, user, request }) => {
  const current = await getCurrentSession();
  if (!current) throw unauthorized();
  const limiter = loginLimiter();
  const reservation = limiter.reserve({ email: user.email, address: clientAddress(request.headers), knownDeviceEmail: await knownDeviceEmail() });
  if (!reservation.ok) {
    const wait = reservation.retryAfterSeconds;
    throw new ApiError(429, "too_many_attempts", `Too many wrong passwords. Try again in ${wait} s.`, { retryAfter: wait });
  }
  const hash = await findPasswordHash(user.id);
  if (!hash || !(await verifyPassword(body.currentPassword, hash))) {
    throw new ApiError(400, "wrong_password", "That is not your current password.", { fields: { currentPassword: ["That is not your current password"] } });
  }
  limiter.succeeded(reservation.ticket);
  await setPassword(user.id, body.newPassword);
  const ended = await endUserSessions(user.id, { exceptId: current.sessionId });
  return { ok: true, endedSessions: ended };
});
