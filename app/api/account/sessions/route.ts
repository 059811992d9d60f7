import { route } from "@/lib/api/route";
import { clearSessionCookie, getCurrentSession } from "@/lib/auth/session";
import { endUserSessions, listUserSessions } from "@/lib/auth/sessions";

/** Your signed-in browsers, this one marked. */
export const GET = route({ access: "viewer" }, async ({ user }) => {
  const current = await getCurrentSession();
  return { sessions: await listUserSessions(user.id, current?.sessionId) };
});

/** Sign out everywhere, this browser included. */
export const DELETE = route({ access: "viewer" }, async ({ user }) => {
  const ended = await endUserSessions(user.id);
  await clearSessionCookie();
  return { ended };
});
