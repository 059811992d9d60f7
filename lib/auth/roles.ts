/** Roles and what each may do. Isomorphic: the UI hides what the server would refuse anyway. */
import { z } from "zod";

export const ROLES = ["admin", "editor", "viewer"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

/** True when `role` has at least the rights of `needed` (admin ⊇ editor ⊇ viewer). */
export function hasRole(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin — everything, including users and the Fathom connection",
  editor: "Editor — builds and saves reports, edits milestones and events",
  viewer: "Viewer — reads reports",
};
