"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDeleteDialog } from "@/components/ui/confirm-dialog";

type Kind = "event" | "milestone";

/** The id of the element that names an item's row (`aria-labelledby`). */
export const itemNameId = (kind: Kind, id: string) => `${kind}-${id}-name`;

type Props = {
  kind: Kind;
  item: { id: string; name: string; pending?: boolean };
  canEdit: boolean;
  /** While editing, `form` stands in for the row (./item-forms.tsx `useRowEditing`). */
  editing: boolean;
  form: ReactNode;
  /** What the row shows of the item; the element named by `itemNameId(kind, item.id)` among it. */
  children: ReactNode;
  /** Where to see the item in a report, for everyone. */
  link?: { href: string; text: string };
  onEdit: () => void;
  /** The delete button's dialog: its title, what the confirm button says, and what will be lost. */
  deletion: { title: string; confirmText: string; consequences: ReactNode; onConfirm: () => void };
};

/** One milestone or event in its list: what it is, a report link, and Edit and Delete for editors. */
export function SiteItemRow({ kind, item, canEdit, editing, form, children, link, onEdit, deletion }: Props) {
  const idAttribute = { [`data-${kind}-id`]: item.id };
  return (
    <li
      className="flex flex-col gap-2 border-b border-line px-4 py-3 last:border-0"
      aria-labelledby={itemNameId(kind, item.id)}
      aria-busy={item.pending ? true : undefined}
      data-testid={kind}
      {...idAttribute}
    >
      {editing ? (
        form
      ) : (
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
          {children}
          {item.pending ? <span className="text-xs text-muted">Saving…</span> : null}
          <div className="flex flex-wrap items-center gap-1">
            {link ? (
              <Link href={link.href} className="rounded-md px-3 py-2 text-sm text-accent hover:underline">
                {link.text}
                <span className="sr-only">: {item.name}</span>
              </Link>
            ) : null}
            {canEdit ? (
              <>
                <Button variant="ghost" aria-label={`Edit ${kind} ${item.name}`} disabled={item.pending} onClick={onEdit}>
                  Edit
                </Button>
                <ConfirmDeleteDialog
                  triggerText="Delete"
                  triggerLabel={`Delete ${kind} ${item.name}`}
                  title={deletion.title}
                  confirmText={deletion.confirmText}
                  disabled={item.pending}
                  onConfirm={deletion.onConfirm}
                >
                  {deletion.consequences}
                </ConfirmDeleteDialog>
              </>
            ) : null}
          </div>
        </div>
      )}
    </li>
  );
}
