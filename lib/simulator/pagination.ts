/**
 * Fathom's cursor pagination (Stripe style): `limit` 1–100 (default 10); `starting_after` pages
 * forwards in creation order; `ending_before` pages backwards, newest first; never both.
 */
import { refuseFields, refuseWith } from "./answers";
import { Validator, type Input } from "./validation";

/** The query parameters every list endpoint reads. */
export const LIST_PARAMETERS = ["limit", "starting_after", "ending_before"] as const;

export type ListAnswer<T> = { object: "list"; url: string; has_more: boolean; data: T[] };

export const DEFAULT_LIST_LIMIT = 10;

export function paginate<T extends { id: string }, Out>(items: readonly T[], params: Input, url: string, present: (item: T) => Out): ListAnswer<Out> {
  const validator = new Validator(params);
  for (const name of LIST_PARAMETERS) validator.scalar(name);
  validator.check();
  const text = (name: string) => (typeof params[name] === "string" ? (params[name] as string) : null);
  const rawLimit = text("limit");
  let limit = DEFAULT_LIST_LIMIT;
  if (rawLimit !== null) {
    if (!/^-?\d+$/.test(rawLimit)) refuseFields({ limit: ["The limit must be an integer."] });
    limit = Number(rawLimit);
    if (limit < 1 || limit > 100) refuseFields({ limit: ["The limit must be between 1 and 100."] });
  }
  const after = text("starting_after");
  const before = text("ending_before");
  if (after && before) refuseWith(400, "You can paginate using either starting_after or ending_before, but not both at once.");

  const position = (id: string, field: string) => {
    const index = items.findIndex((item) => item.id === id);
    if (index < 0) refuseFields({ [field]: [`The selected ${field.replace(/_/g, " ")} is invalid.`] });
    return index;
  };

  let page: readonly T[];
  let hasMore: boolean;
  if (before) {
    const end = position(before, "ending_before");
    const start = Math.max(0, end - limit);
    page = items.slice(start, end).reverse();
    hasMore = start > 0;
  } else {
    const start = after ? position(after, "starting_after") + 1 : 0;
    page = items.slice(start, start + limit);
    hasMore = start + limit < items.length;
  }
  return { object: "list", url, has_more: hasMore, data: page.map(present) };
}
