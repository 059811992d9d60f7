import { route } from "@/lib/api/route";
import { publicOrigin } from "@/lib/server/client";
import { newShareSchema } from "@/lib/shares/share";
import { createShare, listShares, SHARE_MAX_BODY_BYTES } from "@/lib/shares/shares-service";

/** `GET /api/shares`: every share, the newest first. Editors only: a share names its locked filters. */
export const GET = route({ access: "editor" }, async ({ request }) => ({ shares: await listShares(publicOrigin(request.headers)) }));

/** `POST /api/shares`: a new share with a new link (400 `unknown_target`, `invalid_logo`, or a refused accent): 201. */
export const POST = route({ access: "editor", body: newShareSchema, maxBodyBytes: SHARE_MAX_BODY_BYTES, status: 201 }, ({ request, user, body }) =>
  createShare(user, body, publicOrigin(request.headers)),
);
