import { z } from "zod";
import { route } from "@/lib/api/route";
import { idSchema } from "@/lib/fathom/values";
import { updateEventInputSchema } from "@/lib/sites/event-input";
import { deleteEvent, updateEvent } from "@/lib/sites/event-writes";

const params = z.object({ siteId: idSchema("site"), eventId: idSchema("event") });

/** Renames an event and/or changes its currency: only the fields given are sent. */
export const PATCH = route({ access: "editor", params, body: updateEventInputSchema }, ({ params, body, user }) =>
  updateEvent(user, params.siteId, params.eventId, body),
);

/** Deletes an event and, with it, every completion Fathom recorded for it. */
export const DELETE = route({ access: "editor", params }, ({ params, user }) => deleteEvent(user, params.siteId, params.eventId));
