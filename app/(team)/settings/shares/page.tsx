import { headers } from "next/headers";
import { ShareList } from "@/components/shares/settings/share-list";
import { NotAllowed } from "@/components/ui/not-allowed";
import { PageHeader } from "@/components/ui/page-header";
import { requireRole } from "@/lib/auth/guard";
import { publicOrigin } from "@/lib/server/client";
import { shareIdSchema } from "@/lib/shares/share";
import { listShares } from "@/lib/shares/shares-service";

export const metadata = { title: "Client shares" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Every client share, for editors and admins (viewers are told why they see nothing). */
export default async function SharesPage({ searchParams }: { searchParams: SearchParams }) {
  const { allowed } = await requireRole("editor");
  if (!allowed) return <NotAllowed role="editor" />;
  const [shares, params] = await Promise.all([listShares(publicOrigin(await headers())), searchParams]);
  const created = shareIdSchema.safeParse(params.created);
  return (
    <>
      <PageHeader
        title="Client shares"
        description="Read-only links to a saved report or a dashboard for someone outside the team, within the dates and filters you choose. Views are counted without identifying anyone."
      />
      <ShareList initial={shares} now={new Date().toISOString()} createdId={created.success ? created.data : null} />
    </>
  );
}
