"use client";
import Link from "next/link";
import { RelativeTime } from "@/components/saved-reports/relative-time";
import { Button, buttonClass } from "@/components/ui/button";
import type { Share, ShareAction } from "@/lib/shares/share";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ExpiryDate } from "./expiry-date";
import { ShareStateBadge } from "./share-state-badge";

const KIND_LABELS: Record<Share["target"]["kind"], string> = { report: "Report", dashboard: "Dashboard" };
const TARGET_PATHS: Record<Share["target"]["kind"], string> = { report: "/reports", dashboard: "/dashboards" };

const cell = "px-3 py-2 align-top";

export type ShareRowProps = {
  share: Share;
  /** The server's clock when the page was made, so "3 h ago" reads the same in its HTML and the browser. */
  now: string;
  /** A change to this share is on its way: its actions wait. */
  busy: boolean;
  onCopy: (share: Share) => void;
  onAct: (share: Share, action: ShareAction) => void;
};

/** One share: who it is for, what it shows, its state and counters, and what can be done to it. */
export function ShareRow({ share, now, busy, onCopy, onAct }: ShareRowProps) {
  const client = share.settings.clientName;
  return (
    <tr data-share-id={share.id} className="border-b border-line last:border-0">
      <th scope="row" className={`${cell} text-left font-medium`}>
        {client}
      </th>
      <td className={cell}>
        <span className="text-muted">{KIND_LABELS[share.target.kind]}: </span>
        {share.target.name === null ? (
          <span className="italic">deleted</span>
        ) : (
          <Link href={`${TARGET_PATHS[share.target.kind]}/${share.target.id}`} className="text-accent underline-offset-2 hover:underline">
            {share.target.name}
          </Link>
        )}
      </td>
      <td className={cell}>
        <ShareStateBadge state={share.state} />
      </td>
      <td className={`${cell} text-right tabular-nums`}>{share.views30d.toLocaleString("en-US")}</td>
      <td className={`${cell} whitespace-nowrap`}>{share.lastViewedAt ? <RelativeTime iso={share.lastViewedAt} now={now} /> : "never"}</td>
      <td className={`${cell} text-right tabular-nums`}>{share.unlockFailures30d.toLocaleString("en-US")}</td>
      <td className={`${cell} whitespace-nowrap`}>{share.expiresAt ? <ExpiryDate iso={share.expiresAt} /> : "never"}</td>
      <td className={cell}>
        <RowActions share={share} busy={busy} onCopy={onCopy} onAct={onAct} />
      </td>
    </tr>
  );
}

/** Revoked is final: its link can still be copied (to tell the client which one ended), nothing else. */
function RowActions({ share, busy, onCopy, onAct }: Omit<ShareRowProps, "now">) {
  const client = share.settings.clientName;
  const revoked = share.state === "revoked";
  return (
    <div className="flex flex-col gap-1">
      {/* The link as text too, to select and copy by hand where the clipboard is refused. */}
      <span data-share-url className="max-w-80 font-mono text-xs break-all text-muted select-all">
        {share.url}
      </span>
      <div className="flex flex-wrap gap-1">
        <Button variant="secondary" data-copy-link aria-label={`Copy link for ${client}`} onClick={() => onCopy(share)}>
          Copy link
        </Button>
        {share.state === "active" || share.state === "paused" ? (
          // One button whose words change, so the focus stays on it after pausing or resuming.
          <Button
            variant="ghost"
            disabled={busy}
            aria-label={`${share.state === "active" ? "Pause" : "Resume"} the link for ${client}`}
            onClick={() => onAct(share, share.state === "active" ? "pause" : "resume")}
          >
            {share.state === "active" ? "Pause" : "Resume"}
          </Button>
        ) : null}
        {revoked ? null : (
          <>
            <ConfirmDialog
              triggerText="Rotate link"
              triggerLabel={`Rotate link for ${client}`}
              title={`Make a new link for ${client}?`}
              confirmText="Rotate link"
              tone="primary"
              disabled={busy}
              onConfirm={() => onAct(share, "rotate")}
            >
              <p>The old link stops working at once.</p>
              <p>Send the client the new one; browsers that had unlocked the old one must unlock again.</p>
            </ConfirmDialog>
            <ConfirmDialog
              triggerText="Revoke"
              triggerLabel={`Revoke the link for ${client}`}
              title="Revoke this link? It stops working for good."
              confirmText="Revoke link"
              tone="danger"
              disabled={busy}
              onConfirm={() => onAct(share, "revoke")}
            >
              <p>The link for {client} cannot be turned back on. To share with them again, make a new share.</p>
            </ConfirmDialog>
            <Link href={`/settings/shares/${share.id}`} aria-label={`Edit the share for ${client}`} className={buttonClass("ghost")}>
              Edit
            </Link>
          </>
        )}
      </div>
    </div>
  );
}
