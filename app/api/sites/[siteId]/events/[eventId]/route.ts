import { z } from "zod";
import { toEventView, updateEventInputSchema } from "@/lib/sites/event-input";
import { route } from "@/lib/api/route";
import { auditLog } from "@/lib/audit/audit-log";
import { eventDeleted, eventUpdated } from "@/lib/audit/summaries";
import { idSchema } from "@/lib/fathom/values";
import { governedFathom, type GovernedFathom } from "@/lib/governor/governed-fathom";

const params = z.object({ siteId: idSchema("site"), eventId: idSchema("event") });

/** The event as last listed (usually from the cache), for the audit's words; unknown if the list fails. */
async function findListed(fathom: GovernedFathom, siteId: string, eventId: string) {
  try {
    return (await fathom.listAllEvents(siteId)).data.find((event) => event.id === eventId);
  } catch {
    return undefined;
  }
}

/** Renames an event and/or changes its currency: only the fields given are sent. */
export const PATCH = route({ access: "editor", params, body: updateEventInputSchema }, async ({ params, body, user }) => {
  const fathom = await governedFathom();
  const [log, before] = await Promise.all([auditLog(), findListed(fathom, params.siteId, params.eventId)]);
  const event = await log.audited(
    {
      actor: user,
      action: "event.update",
      siteId: params.siteId,
      targetId: params.eventId,
      summary: eventUpdated(before, body),
      intent: body,
    },
    () => fathom.updateEvent(params.siteId, params.eventId, body),
    (updated) => ({ after: { name: updated.name, currency: updated.currency ?? body.currency ?? null } }),
  );
  return { event: toEventView(event, body.currency) };
});

/** Deletes an event and, with it, every completion Fathom recorded for it. */
export const DELETE = route({ access: "editor", params }, async ({ params, user }) => {
  const fathom = await governedFathom();
  const [log, before] = await Promise.all([auditLog(), findListed(fathom, params.siteId, params.eventId)]);
  await log.audited(
    { actor: user, action: "event.delete", siteId: params.siteId, targetId: params.eventId, summary: eventDeleted(before, params.eventId) },
    () => fathom.deleteEvent(params.siteId, params.eventId),
  );
  return { deleted: true, id: params.eventId };
});
