"use client";
import { AlertDialog } from "radix-ui";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";

export const overlayClass = "fixed inset-0 z-40 bg-black/50";
export const dialogPanelClass =
  "fixed top-1/2 left-1/2 z-50 flex max-h-[90vh] w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 flex-col gap-3 overflow-y-auto rounded-lg border border-line bg-surface p-5 text-ink shadow-lg";

type Props = {
  /** The button that opens the dialog: short text, with an accessible name that says which item. */
  triggerText: string;
  triggerLabel: string;
  title: string;
  /** What will happen (or be lost), in words. */
  children: ReactNode;
  confirmText: string;
  /** "danger" for what cannot be undone (the trigger and the confirm button say so in red). */
  tone: "danger" | "primary";
  onConfirm: () => void;
  disabled?: boolean;
};

/** A button that asks first (deleting, rotating or revoking); focus starts on "Cancel" and comes back to the button. */
export function ConfirmDialog({ triggerText, triggerLabel, title, children, confirmText, tone, onConfirm, disabled }: Props) {
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

/** A delete button that asks first, naming what will be lost. */
export function ConfirmDeleteDialog(props: Omit<Props, "tone">) {
  return <ConfirmDialog {...props} tone="danger" />;
}
