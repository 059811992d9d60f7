import { PasswordForm } from "@/components/account/password-form";
import { SessionsList } from "@/components/account/sessions-list";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { getCurrentSession } from "@/lib/auth/session";
import { listUserSessions } from "@/lib/auth/sessions";

export const metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireUser();
  const current = await getCurrentSession();
  const sessions = await listUserSessions(user.id, current?.sessionId);
  return (
    <>
      <PageHeader title="Your account" description={`${user.name} · ${user.email} · ${user.role}`} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="mb-3 font-medium">Password</h2>
          <PasswordForm />
        </Card>
        <Card>
          <h2 className="mb-1 font-medium">Where you are signed in</h2>
          <p className="mb-3 text-sm text-muted">Sessions last 14 days from sign-in. Signing out ends a session at once, on every copy of its cookie.</p>
          <SessionsList sessions={sessions} />
        </Card>
      </div>
    </>
  );
}
