import { z } from "zod";
import { createEventInputSchema, toEventView } from "@/lib/sites/event-input";
import { route } from "@/lib/api/route";
import { auditLog } from "@/lib/audit/audit-log";
import { eventCreated } from "@/lib/audit/summaries";
import { idSchema } from "@/lib/fathom/values";
import { governedFathom } from "@/lib/governor/governed-fathom";

const params = z.object({ siteId: idSchema("site") });

/**
 * Every event of the site (all pages), from the governor's list cache. Fathom lists events without
 * their currency, so the one last set through Sounding (from the audit log) is shown where known.
 */
export const GET = route({ access: "viewer", params }, async ({ params }) => {
  const [fathom, log] = await Promise.all([governedFathom(), auditLog()]);
  const [{ data, meta }, currencies] = await Promise.all([fathom.listAllEvents(params.siteId), log.lastKnownCurrencies(params.siteId)]);
  return { events: data.map((event) => toEventView(event, currencies.get(event.id))), meta };
});

/** Creates an event (editors and admins, same-origin); the currency is `dollar` unless another is given. */
export const POST = route({ access: "editor", params, body: createEventInputSchema }, async ({ params, body, user }) => {
  const [fathom, log] = await Promise.all([governedFathom(), auditLog()]);
  const event = await log.audited(
    { actor: user, action: "event.create", siteId: params.siteId, summary: eventCreated(body), intent: body },
    () => fathom.createEvent(params.siteId, body),
    (created) => ({ targetId: created.id, after: { name: created.name, currency: created.currency ?? body.currency } }),
  );
  return Response.json({ event: toEventView(event, body.currency) }, { status: 201, headers: { "Cache-Control": "no-store" } });
});
