import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { SharePageView } from "@/components/shares/public/share-page-view";
import { clientAddress } from "@/lib/server/client";
import { loadSharePage } from "@/lib/shares/share-page";
import { UNLOCK_COOKIE } from "@/lib/shares/unlock-cookie";
import "./share-print.css";

type Params = Promise<{ slug: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** A repeated parameter (`?range=a&range=b`) counts by its first value. */
function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * What the page shows, decided once per request (the title and the body share it, so a view is counted
 * and the figures are asked for once): the share of the slug, unlocked or not by its cookie, at the range asked.
 */
const loadState = cache(async (slug: string, range: string | undefined, unlock: string | undefined) => {
  const unlockCookie = (await cookies()).get(UNLOCK_COOKIE)?.value;
  const address = clientAddress(await headers());
  return loadSharePage(slug, { range, unlock, unlockCookie, address, now: new Date() });
});

export async function generateMetadata({ params, searchParams }: { params: Params; searchParams: SearchParams }): Promise<Metadata> {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const state = await loadState(slug, first(query.range), first(query.unlock));
  // `absolute`: the app's "· Sounding" suffix is the agency's to show or hide ("Made with Sounding"), not ours.
  if (state.kind === "view") return { title: { absolute: `${state.view.clientName} · ${state.view.title}` }, robots: { index: false, follow: false } };
  return { title: { absolute: "Shared page" }, robots: { index: false, follow: false } };
}

/**
 * A client's share page, `/share/<slug>`: rendered on the server with its figures, so it reads on first
 * paint and without JavaScript; the password form, a refused link and a range outside the window are pages
 * of their own. `?range=<preset>` switches the range, `?embed=1` drops the header inside an allowed frame.
 */
export default async function SharePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const range = first(query.range);
  const state = await loadState(slug, range, first(query.unlock));
  return <SharePageView state={state} slug={slug} embedded={first(query.embed) === "1"} range={range} unlockFailed={first(query.unlock) === "wrong"} />;
}
