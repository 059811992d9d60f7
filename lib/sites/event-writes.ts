import "server-only";
import { logError } from "@/lib/api/log";
import { auditLog, type AuditActor } from "@/lib/audit/audit-log";
import { eventCreated, eventDeleted, eventUpdated } from "@/lib/audit/summaries";
import { governedFathom } from "@/lib/governor/governed-fathom";
import { database } from "@/lib/store/db";
import { eventCurrencies } from "@/lib/store/event-currencies";
import { toEventView, type EventView, type NewEvent, type UpdateEventInput } from "./event-input";
import { prepareItemWrite, type Deleted } from "./item-write";

/** What Sounding's API answers to an event create or update. */
export type EventAnswer = { event: EventView };

/**
 * Keeps what Fathom accepted in the event currency table (Fathom lists events without their currency).
 * Fathom has already made the change, so a failure here is logged, never answered as a failed write
 * (which would invite the person to create the event twice).
 */
async function rememberCurrencies(what: string, change: (repository: ReturnType<typeof eventCurrencies>) => Promise<void>) {
  try {
    await change(eventCurrencies(await database()));
  } catch (error) {
    logError(`Could not ${what} in the event currency table`, error);
  }
}

/** Creates an event in Fathom (`dollar` unless another currency is given), audited, and remembers its currency. */
export async function createEvent(actor: AuditActor, siteId: string, input: NewEvent): Promise<EventAnswer> {
  const [fathom, log] = await Promise.all([governedFathom(), auditLog()]);
  const created = await log.audited(
    { actor, action: "event.create", siteId, summary: eventCreated(input), intent: input },
    () => fathom.createEvent(siteId, input),
    (answer) => ({ targetId: answer.id, after: { name: answer.name, currency: answer.currency ?? input.currency } }),
  );
  const event = toEventView(created, input.currency);
  const currency = event.currency ?? input.currency;
  await rememberCurrencies("record a new event's currency", (known) => known.set(siteId, event.id, currency));
  return { event };
}

/** Renames an event and/or changes its currency: only the fields given are sent, and a currency sent is remembered. */
export async function updateEvent(actor: AuditActor, siteId: string, eventId: string, change: UpdateEventInput): Promise<EventAnswer> {
  const { fathom, log, before } = await prepareItemWrite(eventId, (client) => client.listAllEvents(siteId));
  const updated = await log.audited(
    { actor, action: "event.update", siteId, targetId: eventId, summary: eventUpdated(before, change), intent: change },
    () => fathom.updateEvent(siteId, eventId, change),
    (answer) => ({ after: { name: answer.name, currency: answer.currency ?? change.currency ?? null } }),
  );
  const event = toEventView(updated, change.currency);
  const sent = change.currency;
  if (sent !== undefined) await rememberCurrencies("record an event's new currency", (known) => known.set(siteId, eventId, event.currency ?? sent));
  return { event };
}

/** Deletes an event and, with it, every completion Fathom recorded for it; its remembered currency goes too. */
export async function deleteEvent(actor: AuditActor, siteId: string, eventId: string): Promise<Deleted> {
  const { fathom, log, before } = await prepareItemWrite(eventId, (client) => client.listAllEvents(siteId));
  await log.audited(
    { actor, action: "event.delete", siteId, targetId: eventId, summary: eventDeleted(before, eventId) },
    () => fathom.deleteEvent(siteId, eventId),
  );
  await rememberCurrencies("forget a deleted event's currency", (known) => known.remove(eventId));
  return { deleted: true, id: eventId };
}
