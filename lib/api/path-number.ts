/** Ids in paths, checked by their exact shape before anything reads them. Isomorphic. */
import { z } from "zod";

/**
 * A number in a path (a report's, a dashboard's, a share's, a user's, an invite's or a version's): a positive
 * integer written plainly, nothing else (no signs, spaces, leading zeros or exponents), and within a 32-bit
 * integer column (a larger one reached PostgreSQL as an out-of-range error, a 500).
 */
export function pathNumberSchema(what: string) {
  return z.coerce
    .string()
    .regex(/^[1-9]\d{0,9}$/, `That is not ${what}`)
    .transform(Number)
    .pipe(z.number().int().max(2_147_483_647, `That is not ${what}`));
}
