import { NotAllowed } from "@/components/ui/not-allowed";
import { PageHeader } from "@/components/ui/page-header";
import { UsersManager } from "@/components/users/users-manager";
import { requireRole } from "@/lib/auth/guard";
import { listPendingInvites } from "@/lib/auth/invites";
import { listUsers } from "@/lib/auth/users";

export const metadata = { title: "Users" };

export default async function UsersPage() {
  const { user, allowed } = await requireRole("admin");
  if (!allowed) return <NotAllowed role="admin" />;
  return (
    <>
      <PageHeader title="Users" description="Admins manage everything; editors build reports and edit milestones; viewers read. A role change signs the person out, so they start again with the new rights." />
      <UsersManager users={await listUsers()} currentUserId={user.id} invites={await listPendingInvites()} />
    </>
  );
}
