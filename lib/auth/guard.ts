import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { hasRole, type Role } from "./roles";
import { getCurrentUser } from "./session";
import { isSetupComplete, type User } from "./users";

/** The path the proxy saw, so a sign-in can lead back to it. */
export async function currentPath(): Promise<string> {
  return (await headers()).get("x-sounding-path") ?? "/";
}

/**
 * For pages: the signed-in user, or a redirect to /setup (nobody exists yet) or /login (and back here
 * after signing in). Returns null when signed in without the needed role: the page shows why.
 */
export async function requireUser(): Promise<User> {
  const user = await getCurrentUser();
  if (user) return user;
  if (!(await isSetupComplete())) redirect("/setup");
  redirect(`/login?next=${encodeURIComponent(await currentPath())}`);
}

export async function requireRole(role: Role): Promise<{ user: User; allowed: boolean }> {
  const user = await requireUser();
  return { user, allowed: hasRole(user.role, role) };
}
