import Link from "next/link";
import { ShareForm } from "@/components/shares/settings/share-form";
import { buttonClass } from "@/components/ui/button";
import { NotAllowed } from "@/components/ui/not-allowed";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireRole } from "@/lib/auth/guard";
import { loadShareTarget } from "../load-share-target";
import { parseTargetParam } from "../target-param";

export const metadata = { title: "New client share" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const KIND_WORDS = { report: "report", dashboard: "dashboard" } as const;
const TARGET_PATHS = { report: "/reports", dashboard: "/dashboards" } as const;

/** `?target=report:12` or `?target=dashboard:5`: a new share of that report or dashboard. */
export default async function NewSharePage({ searchParams }: { searchParams: SearchParams }) {
  const { allowed } = await requireRole("editor");
  if (!allowed) return <NotAllowed role="editor" />;
  const target = parseTargetParam((await searchParams).target);
  if (!target) {
    return (
      <>
        <PageHeader title="New client share" />
        <Notice tone="warn">
          This address does not say what to share. Open a saved report or a dashboard and press “Share with a client…”.
        </Notice>
      </>
    );
  }
  const loaded = await loadShareTarget(target);
  const word = KIND_WORDS[target.kind];
  if (loaded.target.name === null) {
    return (
      <>
        <PageHeader title="New client share" />
        <Notice tone="warn">
          There is no {word} {target.id}: it may have been deleted.{" "}
          <Link href={TARGET_PATHS[target.kind]} className="underline">
            See all {word}s
          </Link>
          .
        </Notice>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="New client share"
        description={`Shares the ${word} “${loaded.target.name}”: the client sees its figures, within the dates and filters you set here, and nothing else.`}
        actions={
          <Link href={`${TARGET_PATHS[target.kind]}/${target.id}`} className={buttonClass("ghost")}>
            Back to the {word}
          </Link>
        }
      />
      <ShareForm mode="create" target={loaded.target} sites={loaded.sites} />
    </>
  );
}
