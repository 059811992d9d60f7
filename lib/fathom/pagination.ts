import "server-only";
import { z } from "zod";
import { LIST_LIMIT_MAX } from "@/lib/query/fathom-fields";
import { FathomError } from "./errors";
import type { CallOptions } from "./http";

/** One page of a list endpoint: `limit` 1–100 and at most one cursor (reference, "Pagination"). */
export const listParamsSchema = z
  .object({
    limit: z
      .number()
      .int("The page size must be a whole number")
      .min(1, "The page size must be at least 1")
      .max(LIST_LIMIT_MAX, `The page size must be at most ${LIST_LIMIT_MAX}`)
      .optional(),
    starting_after: z.string().min(1).optional(),
    ending_before: z.string().min(1).optional(),
  })
  .refine((page) => !(page.starting_after && page.ending_before), {
    message: "Page with starting_after or ending_before, not both.",
    path: ["ending_before"],
  });
export type ListParams = z.input<typeof listParamsSchema>;

/** The list envelope every list endpoint answers with. */
export function listSchema<T extends z.ZodType>(item: T) {
  return z.object({
    object: z.literal("list"),
    url: z.string().optional(),
    has_more: z.boolean(),
    data: z.array(item),
  });
}
export type FathomList<T> = { object: "list"; url?: string; has_more: boolean; data: T[] };

export function listQuery(page: z.output<typeof listParamsSchema>): Array<[string, string | number | undefined]> {
  return [
    ["limit", page.limit],
    ["starting_after", page.starting_after],
    ["ending_before", page.ending_before],
  ];
}

/** Hard stop against a server that never says `has_more: false` (100 × 1,000 items is far beyond any account). */
const MAX_PAGES = 1_000;

/**
 * Walks every page of a list forwards (`starting_after` the last id, `limit` 100) and returns all items
 * in Fathom's order (created_at ascending).
 */
export async function listAll<T extends { id: string }>(
  fetchPage: (page: ListParams, options?: CallOptions) => Promise<FathomList<T>>,
  options?: CallOptions,
): Promise<T[]> {
  const items: T[] = [];
  let after: string | undefined;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const page = await fetchPage({ limit: LIST_LIMIT_MAX, starting_after: after }, options);
    items.push(...page.data);
    if (!page.has_more) return items;
    const last = page.data[page.data.length - 1];
    if (!last || last.id === after) {
      throw new FathomError({
        kind: "invalid_response",
        status: 200,
        message: "Fathom said more items follow but gave no cursor to fetch them with.",
      });
    }
    after = last.id;
  }
  throw new FathomError({ kind: "invalid_response", status: 200, message: `Fathom's list did not end after ${MAX_PAGES} pages.` });
}
