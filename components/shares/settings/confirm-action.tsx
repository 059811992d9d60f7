"use client";
import { AlertDialog } from "radix-ui";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { dialogPanelClass, overlayClass } from "@/components/ui/confirm-delete-dialog";

type Props = {
  /** The button's short text, and its accessible name, which says which share (and contains the text). */
  triggerText: string;
  triggerLabel: string;
  title: string;
  /** What happens, in words. */
  children: ReactNode;
  confirmText: string;
  /** "danger" for what cannot be undone. */
  tone: "danger" | "primary";
  onConfirm: () => void;
  disabled?: boolean;
};

/** A row action that asks first (rotating or revoking a link); focus starts on "Cancel" and comes back to the button. */
export function ConfirmAction({ triggerText, triggerLabel, title, children, confirmText, tone, onConfirm, disabled }: Props) {
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger className={buttonClass("ghost", tone === "danger" ? "text-bad" : "")} aria-label={triggerLabel} disabled={disabled}>
        {triggerText}
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={overlayClass} />
        <AlertDialog.Content className={dialogPanelClass}>
          <AlertDialog.Title className="text-lg font-semibold">{title}</AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className="flex flex-col gap-2 text-sm">{children}</div>
          </AlertDialog.Description>
          <div className="mt-2 flex flex-wrap justify-end gap-2">
            <AlertDialog.Cancel className={buttonClass("secondary")}>Cancel</AlertDialog.Cancel>
            <AlertDialog.Action className={buttonClass(tone)} onClick={onConfirm}>
              {confirmText}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
