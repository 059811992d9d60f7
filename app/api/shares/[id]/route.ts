import { z } from "zod";
import { route } from "@/lib/api/route";
import { publicOrigin } from "@/lib/server/client";
import { shareChangeSchema, shareIdSchema } from "@/lib/shares/share";
import { changeShare, getShare, SHARE_MAX_BODY_BYTES } from "@/lib/shares/shares-service";

const params = z.object({ id: shareIdSchema });

/** `GET /api/shares/[id]`: the share, with its views and failed unlocks of the last 30 days. */
export const GET = route({ access: "editor", params }, ({ request, params }) => getShare(params.id, publicOrigin(request.headers)));

/** `PATCH /api/shares/[id]`: changes its settings, password, expiry or logo (409 `share_revoked` once revoked). */
export const PATCH = route({ access: "editor", params, body: shareChangeSchema, maxBodyBytes: SHARE_MAX_BODY_BYTES }, ({ request, user, params, body }) =>
  changeShare(user, params.id, body, publicOrigin(request.headers)),
);
