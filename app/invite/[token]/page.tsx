import Link from "next/link";
import { AccountForm } from "@/components/auth/account-form";
import { AuthCard } from "@/components/auth/auth-card";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { findUsableInvite } from "@/lib/auth/users";

export const metadata = { title: "Join" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await findUsableInvite(token);
  if (!invite) {
    return (
      <AuthCard title="This invite can't be used" intro="It is no longer valid: it was already used, it expired or an admin revoked it. Ask your admin for a new link.">
        <Link href="/login" className="text-sm text-accent underline">
          Go to sign in
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Join your team on Sounding" intro={<>You are invited as {ROLE_LABELS[invite.role]}.</>}>
      <AccountForm action={`/api/invites/${encodeURIComponent(token)}`} submitLabel="Create my account" />
    </AuthCard>
  );
}
