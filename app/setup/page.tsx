import { notFound } from "next/navigation";
import { connection } from "next/server";
import { AccountForm } from "@/components/auth/account-form";
import { AuthCard } from "@/components/auth/auth-card";
import { isSetupComplete } from "@/lib/auth/users";

export const metadata = { title: "Set up" };

/** First-run setup: only while nobody exists; afterwards a 404. */
export default async function SetupPage() {
  await connection(); // per request, never prerendered: whether setup is done changes at run time
  if (await isSetupComplete()) notFound();
  return (
    <AuthCard title="Welcome to Sounding" intro="Create the first admin account. You can invite your team afterwards.">
      <AccountForm action="/api/setup" submitLabel="Create admin account" />
    </AuthCard>
  );
}
