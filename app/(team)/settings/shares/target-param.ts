/**
 * The `?target=` of /settings/shares/new: `report:12` or `dashboard:5`, exactly (no spaces, no leading
 * zeros, no second value), checked by its shape before anything is looked up. Isomorphic and pure.
 */
import { shareTargetSchema, type ShareTarget } from "@/lib/shares/share";

const TARGET_PARAM = /^(report|dashboard):[1-9]\d{0,9}$/;

export function parseTargetParam(raw: string | string[] | undefined): ShareTarget | null {
  if (typeof raw !== "string" || !TARGET_PARAM.test(raw)) return null;
  const [kind, id] = raw.split(":");
  // The shape allows ten digits; the schema keeps the id within what the store can hold.
  const parsed = shareTargetSchema.safeParse({ kind, id: Number(id) });
  return parsed.success ? parsed.data : null;
}
