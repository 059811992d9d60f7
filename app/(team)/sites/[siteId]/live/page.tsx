import Link from "next/link";
import { notFound } from "next/navigation";
import { CurrentVisitorsPanel } from "@/components/current-visitors/current-visitors-panel";
import { PageHeader } from "@/components/ui/page-header";
import { logError } from "@/lib/api/log";
import { requireUser } from "@/lib/auth/guard";
import { idSchema } from "@/lib/fathom/values";
import { governedFathom } from "@/lib/governor/governed-fathom";

type Props = { params: Promise<{ siteId: string }> };

/** A segment as typed in the address bar; a malformed escape is kept as it is (and then refused as an id). */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export async function generateMetadata({ params }: Props) {
  const { siteId } = await params;
  return { title: `Current visitors · ${decodeSegment(siteId)}` };
}

/** The site's name from the (cached) list of sites; null when the list cannot be had, undefined when the site is not in it. */
async function siteName(siteId: string): Promise<string | null | undefined> {
  try {
    const fathom = await governedFathom();
    const { data: sites } = await fathom.listAllSites({ priority: "interactive" });
    return sites.find((site) => site.id === siteId)?.name;
  } catch (error) {
    // The panel still works (and explains any upstream problem itself); only the name is missing.
    logError("Loading the site's name for its current-visitors page", error);
    return null;
  }
}

export default async function LiveSitePage({ params }: Props) {
  await requireUser();
  const parsed = idSchema("site").safeParse(decodeSegment((await params).siteId));
  if (!parsed.success) notFound();
  const siteId = parsed.data;
  const name = await siteName(siteId);
  if (name === undefined) notFound();
  return (
    <>
      <PageHeader
        title={`Current visitors: ${name ?? siteId}`}
        description="Who is on the site right now. Everyone watching shares one request to Fathom per interval; nothing is asked while this tab is hidden."
        actions={
          <Link href="/sites" className="text-sm text-accent hover:underline">
            All sites
          </Link>
        }
      />
      <CurrentVisitorsPanel siteId={siteId} siteName={name ?? undefined} detailed />
    </>
  );
}
