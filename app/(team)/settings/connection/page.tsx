import { ComingSoon } from "@/components/ui/coming-soon";
import { NotAllowed } from "@/components/ui/not-allowed";
import { PageHeader } from "@/components/ui/page-header";
import { requireRole } from "@/lib/auth/guard";

export const metadata = { title: "Fathom connection" };

export default async function ConnectionPage() {
  const { allowed } = await requireRole("admin");
  if (!allowed) return <NotAllowed role="admin" />;
  return (
    <>
      <PageHeader title="Fathom connection" />
      <ComingSoon what="Connecting a Fathom token from the browser" />
    </>
  );
}
