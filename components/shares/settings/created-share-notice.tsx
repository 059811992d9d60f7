"use client";
import { Button } from "@/components/ui/button";
import type { Share } from "@/lib/shares/share";

/** After "Create share": the new link, to copy and send to the client. */
export function CreatedShareNotice({ share, onCopy }: { share: Share; onCopy: (share: Share) => void }) {
  return (
    <div role="status" data-created-share={share.id} className="flex flex-col gap-2 rounded-md border border-good/40 bg-good/10 px-3 py-2 text-sm text-ink">
      <p className="font-medium">Share created</p>
      <p>
        Send {share.settings.clientName} this link{share.hasPassword ? ", and the password by another channel" : ""}:
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <span data-share-url className="font-mono text-xs break-all select-all">
          {share.url}
        </span>
        <Button variant="secondary" onClick={() => onCopy(share)}>
          Copy link
        </Button>
      </div>
    </div>
  );
}
