"use client";
import { useQuery, type QueryKey, type UseQueryOptions } from "@tanstack/react-query";
import { Fragment, type ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { WriteMessageNotice } from "./write-message-notice";
import { useWarnBeforeLeavingWithPendingWrites, useWriteMessages, type MutationHooks } from "./write-messages";

type Props<T extends { id: string }, K extends QueryKey> = {
  /** The list's query (`eventsQuery(siteId)`), started from what the server rendered. */
  query: UseQueryOptions<T[], Error, T[], K>;
  initialItems: NoInfer<T>[];
  /** The order the list is shown in. */
  sort: (items: readonly T[]) => T[];
  /** "Events of Bugs", the heading and the list's name; `countNote` follows the count (", newest first"). */
  title: string;
  countNote?: string;
  /** "the events", in "Could not refresh the events: …". */
  what: string;
  /** What an empty list says, and what it adds for those who may write ("Create one above, …"). */
  empty: string;
  emptyHint: string;
  /** Editors and admins get the create form (and `emptyHint`); viewers only read (the server refuses them anyway). */
  canEdit: boolean;
  /** The create form and its heading. */
  create: { title: string; form: (hooks: MutationHooks) => ReactNode };
  /** One `<li>` per item (./site-item-row.tsx). */
  row: (item: T, hooks: MutationHooks) => ReactNode;
};

/**
 * The page body shared by a site's milestones and events: the outcome of the last write, the create form,
 * the list kept fresh by react-query, and a warning before leaving while a write is still on its way.
 */
export function SiteItemsManager<T extends { id: string }, K extends QueryKey>({
  query,
  initialItems,
  sort,
  title,
  countNote = "",
  what,
  empty,
  emptyHint,
  canEdit,
  create,
  row,
}: Props<T, K>) {
  const list = useQuery({ ...query, initialData: initialItems });
  const [message, hooks, dismiss] = useWriteMessages();
  useWarnBeforeLeavingWithPendingWrites();
  const items = sort(list.data ?? []);

  return (
    <div className="flex flex-col gap-4">
      <WriteMessageNotice message={message} onDismiss={dismiss} />
      {canEdit ? (
        <Card>
          <h2 className="mb-3 font-medium">{create.title}</h2>
          {create.form(hooks)}
        </Card>
      ) : null}
      {list.error ? <Notice tone="error">Could not refresh {what}: {list.error.message}</Notice> : null}
      <section className="rounded-lg border border-line bg-surface shadow-sm">
        <h2 className="border-b border-line px-4 py-3 font-medium">
          {title}{" "}
          <span className="text-sm font-normal text-muted">
            ({items.length}
            {countNote})
          </span>
        </h2>
        {items.length === 0 ? (
          <p className="px-4 py-6 text-sm text-muted">{canEdit ? `${empty} ${emptyHint}` : empty}</p>
        ) : (
          <ul aria-label={title}>
            {items.map((item) => (
              <Fragment key={item.id}>{row(item, hooks)}</Fragment>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
