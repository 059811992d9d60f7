"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import type { Share, ShareAction } from "@/lib/shares/share";
import { CreatedShareNotice } from "./created-share-notice";
import { actOnShare, shareKeys, shareListOptions } from "./share-queries";
import { ShareRow } from "./share-row";

/** What each action did, said in the live region (with the client's name). */
const DONE: Record<ShareAction, (client: string) => string> = {
  pause: (client) => `Paused: the link for ${client} shows a “paused” page until you resume it.`,
  resume: (client) => `Resumed: the link for ${client} works again.`,
  rotate: (client) => `New link for ${client}: the old one no longer works.`,
  revoke: (client) => `Revoked: the link for ${client} no longer works.`,
};
const DOING: Record<ShareAction, string> = { pause: "pause", resume: "resume", rotate: "rotate", revoke: "revoke" };

const HEADERS = ["Client", "Shares", "State", "Views (30 days)", "Last viewed", "Unlock failures (30 days)", "Expires", "Actions"];

export type ShareListProps = {
  initial: Share[];
  /** The server's clock when the page was made. */
  now: string;
  /** The share just created (`?created=<id>`), whose link is offered at the top. */
  createdId: number | null;
};

/** /settings/shares in the browser: every share, its counters, and copy, pause/resume, rotate, revoke, edit. */
export function ShareList({ initial, now, createdId }: ShareListProps) {
  const queryClient = useQueryClient();
  const { data: shares } = useQuery({ ...shareListOptions(), initialData: initial });
  // A counter beside the words, so saying the same thing twice ("Link copied") is announced twice.
  const [said, setSaid] = useState({ text: "", n: 0 });
  const say = (text: string) => setSaid((before) => ({ text, n: before.n + 1 }));

  const act = useMutation({
    mutationFn: ({ share, action }: { share: Share; action: ShareAction }) => actOnShare(share.id, action),
    onSuccess: (changed, { action }) => {
      queryClient.setQueryData(shareKeys.list(), (before: Share[] | undefined) => before?.map((share) => (share.id === changed.id ? changed : share)));
      say(DONE[action](changed.settings.clientName));
      // A revoked row keeps only "Copy link": the focus goes there rather than to the page's start.
      if (action === "revoke") {
        requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-share-id="${changed.id}"] [data-copy-link]`)?.focus());
      }
    },
  });

  async function copy(share: Share) {
    try {
      await navigator.clipboard.writeText(share.url);
      say("Link copied");
    } catch {
      // Refused (an insecure origin, a denied permission): the link is selected, to copy by hand.
      const text = document.querySelector(`[data-share-id="${share.id}"] [data-share-url]`);
      if (text) window.getSelection()?.selectAllChildren(text);
      say("The link could not be copied. It is selected: copy it by hand.");
    }
  }

  const created = createdId === null ? undefined : shares.find((share) => share.id === createdId);
  return (
    <div className="flex flex-col gap-4">
      {created ? <CreatedShareNotice share={created} onCopy={copy} /> : null}
      <p role="status" aria-live="polite" className="min-h-5 text-sm text-muted">
        <span key={said.n}>{said.text}</span>
      </p>
      {act.error ? (
        <Notice tone="error">
          Could not {DOING[act.variables.action]} the link for {act.variables.share.settings.clientName}. {act.error.message}
        </Notice>
      ) : null}
      {shares.length === 0 ? (
        <EmptyShares />
      ) : (
        <>
          <p className="text-xs text-muted sm:hidden">Scroll the table sideways to see every column.</p>
          <Card padded={false} className="overflow-x-auto" role="region" aria-label="Client shares table" tabIndex={0}>
            <table className="w-full min-w-[60rem] text-sm">
              <caption className="sr-only">Client shares</caption>
              <thead className="border-b border-line text-left text-muted">
                <tr>
                  {HEADERS.map((header) => (
                    <th key={header} scope="col" className="px-3 py-2 font-medium">
                      {header}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shares.map((share) => (
                  <ShareRow
                    key={share.id}
                    share={share}
                    now={now}
                    busy={act.isPending && act.variables.share.id === share.id}
                    onCopy={copy}
                    onAct={(target, action) => act.mutate({ share: target, action })}
                  />
                ))}
              </tbody>
            </table>
          </Card>
        </>
      )}
    </div>
  );
}

function EmptyShares() {
  return (
    <Card>
      <h2 className="font-medium">No client shares yet</h2>
      <p className="mt-1 text-sm text-muted">
        To give a client a link, open a{" "}
        <Link href="/reports" className="text-accent underline">
          saved report
        </Link>{" "}
        or a{" "}
        <Link href="/dashboards" className="text-accent underline">
          dashboard
        </Link>{" "}
        and press “Share with a client…”. You choose the dates they may pick, filters they cannot remove, a password, an expiry and their branding.
      </p>
    </Card>
  );
}
