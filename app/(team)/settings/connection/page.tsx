import { ConnectionSettings } from "@/components/connection/connection-settings";
import { NotAllowed } from "@/components/ui/not-allowed";
import { PageHeader } from "@/components/ui/page-header";
import { requireRole } from "@/lib/auth/guard";
import { getConnectionStatus } from "@/lib/server/connection";

export const metadata = { title: "Fathom connection" };

export default async function ConnectionPage() {
  const { allowed } = await requireRole("admin");
  if (!allowed) return <NotAllowed role="admin" />;
  return (
    <>
      <PageHeader title="Fathom connection" description="The Fathom API token Sounding reads your analytics with." />
      <ConnectionSettings status={await getConnectionStatus()} />
    </>
  );
}
