import { z } from "zod";
import { route } from "@/lib/api/route";
import { idSchema } from "@/lib/fathom/values";
import { createEventInputSchema } from "@/lib/sites/event-input";
import { createEvent } from "@/lib/sites/event-writes";
import { listEvents } from "@/lib/sites/site-lists";

const params = z.object({ siteId: idSchema("site") });

/** Every event of the site (all pages), with the currency last set through Sounding where Fathom's list has none. */
export const GET = route({ access: "viewer", params }, ({ params }) => listEvents(params.siteId));

/** Creates an event (editors and admins, same-origin); the currency is `dollar` unless another is given: 201. */
export const POST = route({ access: "editor", params, body: createEventInputSchema, status: 201 }, ({ params, body, user }) =>
  createEvent(user, params.siteId, body),
);
