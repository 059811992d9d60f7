import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { ShareForm } from "@/components/shares/settings/share-form";
import { NotAllowed } from "@/components/ui/not-allowed";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { isApiError } from "@/lib/api/errors";
import { requireRole } from "@/lib/auth/guard";
import { publicOrigin } from "@/lib/server/client";
import { shareIdSchema, type Share } from "@/lib/shares/share";
import { getShare } from "@/lib/shares/shares-service";
import { loadShareTarget } from "../load-share-target";

export const metadata = { title: "Client share" };

type Params = Promise<{ id: string }>;

const KIND_WORDS = { report: "report", dashboard: "dashboard" } as const;

/** Why the link shows nothing right now, when it does not. */
const STATE_NOTES: Partial<Record<Share["state"], string>> = {
  paused: "This link is paused: the client sees a “paused” page. Resume it from the list of client shares.",
  expired: "This link has expired. Set a later expiry date, or none, to open it again.",
};

/** The share of a path id, or Next's 404 for an id that is not one or a share that is not there. */
async function readShare(param: string): Promise<Share> {
  const id = shareIdSchema.safeParse(param);
  if (!id.success) notFound();
  try {
    return await getShare(id.data, publicOrigin(await headers()));
  } catch (error) {
    if (isApiError(error) && error.status === 404) notFound();
    throw error;
  }
}

/** A share's settings, to change (editors and admins). A revoked share is final: it is shown, not changed. */
export default async function EditSharePage({ params }: { params: Params }) {
  const { allowed } = await requireRole("editor");
  if (!allowed) return <NotAllowed role="editor" />;
  const share = await readShare((await params).id);
  const word = KIND_WORDS[share.target.kind];
  const what = share.target.name === null ? `a ${word} that was deleted` : `the ${word} “${share.target.name}”`;
  const title = `Share with ${share.settings.clientName}`;
  if (share.state === "revoked") {
    return (
      <>
        <PageHeader title={title} />
        <Notice tone="warn">This link was revoked: it stops working for good and cannot be changed. To share with this client again, make a new share.</Notice>
      </>
    );
  }
  const { sites } = await loadShareTarget(share.target);
  return (
    <>
      <PageHeader title={title} description={`Shares ${what}. Its link: ${share.url}`} />
      {STATE_NOTES[share.state] ? <Notice className="mb-4">{STATE_NOTES[share.state]}</Notice> : null}
      <ShareForm mode="edit" share={share} sites={sites} />
    </>
  );
}
