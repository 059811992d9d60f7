/**
 * The admins' view of invites not yet accepted, as the API answers it. Isomorphic: the users page parses
 * the answer with the same schemas. An invite is named by its id; its token (only a hash of it is stored)
 * is shown once, when the invite is made, and never again.
 */
import { z } from "zod";
import { pathNumberSchema } from "@/lib/api/path-number";
import { roleSchema } from "./roles";

/** An invite id in a path: digits only, exactly (no `01`, `1e3`, ` 1`), and within an integer column. */
export const inviteIdSchema = pathNumberSchema("an invite id");

export const pendingInviteSchema = z.object({
  id: z.number().int(),
  role: roleSchema,
  /** Who made it; `id` is null (and `name` "Former member") once their account is removed. */
  invitedBy: z.object({ id: z.number().int().nullable(), name: z.string() }),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type PendingInvite = z.infer<typeof pendingInviteSchema>;

/** `now` is the server's clock, so "expires in 3 days" reads the same in the page's HTML and the browser. */
export const pendingInviteListSchema = z.object({ invites: z.array(pendingInviteSchema), now: z.string() });
export type PendingInviteList = z.infer<typeof pendingInviteListSchema>;
