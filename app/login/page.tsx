import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
import { safeNextPath } from "@/lib/auth/next-path";
import { getCurrentUser } from "@/lib/auth/session";
import { isSetupComplete } from "@/lib/auth/users";

export const metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const target = safeNextPath(Array.isArray(next) ? next[0] : next);
  if (!(await isSetupComplete())) redirect("/setup");
  if (await getCurrentUser()) redirect(target);
  return (
    <AuthCard title="Sign in">
      <LoginForm next={target} />
    </AuthCard>
  );
}
