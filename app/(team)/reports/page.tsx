import { ComingSoon } from "@/components/ui/coming-soon";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";

export const metadata = { title: "Reports" };

export default async function ReportsPage() {
  await requireUser();
  return (
    <>
      <PageHeader title="Reports" description="Saved reports and dashboards." />
      <ComingSoon what="Saving reports" />
    </>
  );
}
