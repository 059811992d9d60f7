import { ComingSoon } from "@/components/ui/coming-soon";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";

export const metadata = { title: "Explore" };

export default async function ExplorePage() {
  await requireUser();
  return (
    <>
      <PageHeader title="Explore" description="Build any report the Fathom API can answer." />
      <ComingSoon what="The report builder" />
    </>
  );
}
