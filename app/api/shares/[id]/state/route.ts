import { z } from "zod";
import { route } from "@/lib/api/route";
import { publicOrigin } from "@/lib/server/client";
import { shareActionSchema, shareIdSchema } from "@/lib/shares/share";
import { actOnShare } from "@/lib/shares/shares-service";

/** `POST /api/shares/[id]/state`: `{ action }` pause, resume, rotate (a new link) or revoke (final); answers the share. */
export const POST = route({ access: "editor", params: z.object({ id: shareIdSchema }), body: shareActionSchema }, ({ request, user, params, body }) =>
  actOnShare(user, params.id, body.action, publicOrigin(request.headers)),
);
