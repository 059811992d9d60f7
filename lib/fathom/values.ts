import "server-only";
import { z } from "zod";
import { FATHOM_ID_PATTERN } from "@/lib/query/fathom-fields";

/**
 * A number as Fathom sends it: "All numeric values are returned as strings" ("1234", "12.5"); a real
 * JSON number is accepted too, and null (no data, e.g. a bounce rate without visits) reads as 0.
 */
export const fathomNumberSchema = z
  .union([
    z.number(),
    z.string().trim().regex(/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/, "expected a numeric string"),
    z.null(),
  ])
  .transform((value) => (value === null ? 0 : Number(value)));

/** What the delete endpoints answer. */
export function deletedSchema<O extends string>(object: O) {
  return z.object({ id: z.string(), object: z.literal(object), deleted: z.literal(true) });
}

/** Ids are case-sensitive codes such as `CDBUGS`, checked by their exact shape (FATHOM_ID_PATTERN), never trimmed. */
export const idSchema = (what: string) =>
  z
    .string({ error: `Give the ${what} id` })
    .min(1, { message: `Give the ${what} id`, abort: true })
    .regex(FATHOM_ID_PATTERN, `That is not a valid ${what} id`);
