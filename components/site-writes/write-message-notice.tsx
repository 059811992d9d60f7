"use client";
import { Notice } from "@/components/ui/notice";
import type { WriteMessage } from "./write-messages";

/** The outcome of the last write, above the list: an alert when it was refused, a status when done. */
export function WriteMessageNotice({ message, onDismiss }: { message: WriteMessage | null; onDismiss: () => void }) {
  if (!message) return null;
  return (
    <Notice tone={message.tone} className="flex items-start justify-between gap-3">
      <span data-testid="write-message">{message.text}</span>
      <button type="button" className="shrink-0 text-xs underline" onClick={onDismiss}>
        Dismiss
      </button>
    </Notice>
  );
}
