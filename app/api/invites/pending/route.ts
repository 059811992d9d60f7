import { route } from "@/lib/api/route";
import { listPendingInvites } from "@/lib/auth/invites";

/** The invites not yet used, expired or revoked, newest first: who made each, its role and times, never its token. */
export const GET = route({ access: "admin" }, () => listPendingInvites());
