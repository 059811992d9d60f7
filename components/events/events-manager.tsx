"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { ConfirmDeleteDialog } from "@/components/ui/confirm-delete-dialog";
import { eventReportHref } from "@/components/milestones/explore-links";
import { fieldsOf, useWarnBeforeLeavingWithPendingWrites, useWriteMessages, type MutationHooks } from "@/components/site-writes/write-messages";
import { WriteMessageNotice } from "@/components/site-writes/write-message-notice";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { EventForm, type EventDraft } from "./event-form";
import { eventsQuery, useCreateEvent, useDeleteEvent, useUpdateEvent, type ListedEvent } from "./event-queries";
import { CURRENCY_LABELS, sortEvents, type EventView } from "@/lib/sites/event-input";

type Props = {
  siteId: string;
  siteName: string;
  /** Editors and admins get the forms and buttons; viewers only read (the server refuses them anyway). */
  canEdit: boolean;
  initialEvents: EventView[];
};

const newDraft = (): EventDraft => ({ name: "", currency: "dollar" });

function CreateEvent({ siteId, hooks }: { siteId: string; hooks: MutationHooks }) {
  const [draft, setDraft] = useState(newDraft);
  const create = useCreateEvent(siteId, hooks);
  return (
    <Card>
      <h2 className="mb-3 font-medium">Create an event</h2>
      <EventForm
        mode="create"
        draft={draft}
        onDraftChange={setDraft}
        submitLabel="Create event"
        pending={create.isPending}
        serverFields={fieldsOf(create.error)}
        onSubmit={(input) => create.mutate(input, { onSuccess: () => setDraft(newDraft()) })}
      />
      <p className="mt-2 text-xs text-muted">
        Values of completions are counted in the event&apos;s currency (in cents); pick “Plain number” or “No value” for events without money.
      </p>
    </Card>
  );
}

function EventRow({ siteId, event, canEdit, hooks }: { siteId: string; event: ListedEvent; canEdit: boolean; hooks: MutationHooks }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<EventDraft>({ name: event.name, currency: event.currency ?? "" });
  const update = useUpdateEvent(siteId, {
    ...hooks,
    // The row was put back as it was; reopen the form with what was typed and Fathom's field messages.
    onFailure: (error, what) => {
      setEditing(true);
      hooks.onFailure?.(error, what);
    },
  });
  const remove = useDeleteEvent(siteId, hooks);
  const nameId = `event-${event.id}-name`;

  return (
    <li
      className="flex flex-col gap-2 border-b border-line px-4 py-3 last:border-0"
      aria-labelledby={nameId}
      aria-busy={event.pending ? true : undefined}
      data-testid="event"
      data-event-id={event.id}
    >
      {editing ? (
        <EventForm
          mode="edit"
          current={{ name: event.name, currency: event.currency }}
          draft={draft}
          onDraftChange={setDraft}
          submitLabel="Save"
          labelSuffix={` of “${event.name}”`}
          autoFocus
          pending={update.isPending}
          serverFields={fieldsOf(update.error)}
          onCancel={() => {
            setEditing(false);
            update.reset();
          }}
          onSubmit={(change) => {
            setEditing(false);
            update.mutate({ id: event.id, change });
          }}
        />
      ) : (
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
          <div className="min-w-0 flex-1">
            <span id={nameId} className="break-words font-medium" data-testid="event-name">
              {event.name}
            </span>
            <p className="text-xs text-muted">
              <code className="font-mono">{event.id.startsWith("optimistic-") ? "…" : event.id}</code>
              {" · "}
              <span data-testid="event-currency">{event.currency ? CURRENCY_LABELS[event.currency] : "Currency not reported by Fathom"}</span>
            </p>
          </div>
          {event.pending ? <span className="text-xs text-muted">Saving…</span> : null}
          <div className="flex flex-wrap items-center gap-1">
            <Link
              href={eventReportHref(siteId, event.name)}
              className="rounded-md px-3 py-2 text-sm text-accent hover:underline"
            >
              Report on this event<span className="sr-only">: {event.name}</span>
            </Link>
            {canEdit ? (
              <>
                <Button
                  variant="ghost"
                  aria-label={`Edit event ${event.name}`}
                  disabled={event.pending}
                  onClick={() => {
                    setDraft({ name: event.name, currency: event.currency ?? "" });
                    update.reset();
                    setEditing(true);
                  }}
                >
                  Edit
                </Button>
                <ConfirmDeleteDialog
                  triggerText="Delete"
                  triggerLabel={`Delete event ${event.name}`}
                  title={`Delete the event “${event.name}”?`}
                  confirmText="Delete event and its data"
                  disabled={event.pending}
                  onConfirm={() => remove.mutate(event)}
                >
                  <p>
                    Fathom deletes the event <strong>“{event.name}”</strong> (<code className="font-mono">{event.id}</code>) and every
                    conversion recorded for it: all its completions, unique conversions and values, for all time.
                  </p>
                  <p>Reports on this event, saved or shared, will show nothing. Neither Sounding nor Fathom can undo this.</p>
                </ConfirmDeleteDialog>
              </>
            ) : null}
          </div>
        </div>
      )}
    </li>
  );
}

/** A site's events by name, with create, rename, currency and delete for editors, and a report link for all. */
export function EventsManager({ siteId, siteName, canEdit, initialEvents }: Props) {
  const query = useQuery({ ...eventsQuery(siteId), initialData: initialEvents });
  const [message, hooks, dismiss] = useWriteMessages();
  useWarnBeforeLeavingWithPendingWrites();
  const events = sortEvents(query.data ?? []) as ListedEvent[];

  return (
    <div className="flex flex-col gap-4">
      <WriteMessageNotice message={message} onDismiss={dismiss} />
      {canEdit ? <CreateEvent siteId={siteId} hooks={hooks} /> : null}
      {query.error ? <Notice tone="error">Could not refresh the events: {query.error.message}</Notice> : null}
      <section className="rounded-lg border border-line bg-surface shadow-sm">
        <h2 className="border-b border-line px-4 py-3 font-medium">
          Events of {siteName} <span className="text-sm font-normal text-muted">({events.length})</span>
        </h2>
        {events.length === 0 ? (
          <p className="px-4 py-6 text-sm text-muted">No events yet.{canEdit ? " Create one above, then track it from your site." : ""}</p>
        ) : (
          <ul aria-label={`Events of ${siteName}`}>
            {events.map((event) => (
              <EventRow key={event.id} siteId={siteId} event={event} canEdit={canEdit} hooks={hooks} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
