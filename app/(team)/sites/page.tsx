import { ComingSoon } from "@/components/ui/coming-soon";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";

export const metadata = { title: "Sites" };

export default async function SitesPage() {
  await requireUser();
  return (
    <>
      <PageHeader title="Sites" description="The sites of your Fathom account." />
      <ComingSoon what="The list of sites" />
    </>
  );
}
