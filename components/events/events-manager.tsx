"use client";
import { eventReportHref } from "@/lib/reports/report-links";
import { useCreateForm, useRowEditing } from "@/components/site-writes/item-forms";
import { itemNameId, SiteItemRow } from "@/components/site-writes/site-item-row";
import { SiteItemsManager } from "@/components/site-writes/site-items-manager";
import type { MutationHooks } from "@/components/site-writes/write-messages";
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
  const form = useCreateForm(newDraft, useCreateEvent(siteId, hooks));
  return (
    <>
      <EventForm mode="create" submitLabel="Create event" {...form} />
      <p className="mt-2 text-xs text-muted">
        Values of completions are counted in the event&apos;s currency (in cents); pick “Plain number” or “No value” for events without money.
      </p>
    </>
  );
}

function EventRow({ siteId, event, canEdit, hooks }: { siteId: string; event: ListedEvent; canEdit: boolean; hooks: MutationHooks }) {
  const edit = useRowEditing<EventDraft>(event, () => ({ name: event.name, currency: event.currency ?? "" }), hooks);
  const update = useUpdateEvent(siteId, edit.hooks);
  const remove = useDeleteEvent(siteId, hooks);

  return (
    <SiteItemRow
      kind="event"
      item={event}
      canEdit={canEdit}
      editing={edit.editing}
      form={<EventForm mode="edit" current={{ name: event.name, currency: event.currency }} {...edit.formProps(update)} />}
      link={{ href: eventReportHref(siteId, event.name), text: "Report on this event" }}
      onEdit={() => edit.open(update)}
      deletion={{
        title: `Delete the event “${event.name}”?`,
        confirmText: "Delete event and its data",
        onConfirm: () => remove.mutate(event),
        consequences: (
          <>
            <p>
              Fathom deletes the event <strong>“{event.name}”</strong> (<code className="font-mono">{event.id}</code>) and every
              conversion recorded for it: all its completions, unique conversions and values, for all time.
            </p>
            <p>Reports on this event, saved or shared, will show nothing. Neither Sounding nor Fathom can undo this.</p>
          </>
        ),
      }}
    >
      <div className="min-w-0 flex-1">
        <span id={itemNameId("event", event.id)} className="break-words font-medium" data-testid="event-name">
          {event.name}
        </span>
        <p className="text-xs text-muted">
          <code className="font-mono">{event.id.startsWith("optimistic-") ? "…" : event.id}</code>
          {" · "}
          <span data-testid="event-currency">{event.currency ? CURRENCY_LABELS[event.currency] : "Currency not reported by Fathom"}</span>
        </p>
      </div>
    </SiteItemRow>
  );
}

/** A site's events by name, with create, rename, currency and delete for editors, and a report link for all. */
export function EventsManager({ siteId, siteName, canEdit, initialEvents }: Props) {
  return (
    <SiteItemsManager
      query={eventsQuery(siteId)}
      initialItems={initialEvents}
      sort={sortEvents}
      title={`Events of ${siteName}`}
      what="the events"
      empty="No events yet."
      emptyHint="Create one above, then track it from your site."
      canEdit={canEdit}
      create={{ title: "Create an event", form: (hooks) => <CreateEvent siteId={siteId} hooks={hooks} /> }}
      row={(event, hooks) => <EventRow siteId={siteId} event={event} canEdit={canEdit} hooks={hooks} />}
    />
  );
}
