/**
 * What the settings page is told about a Fathom token (`{ token }` in the answers of `PUT /api/connection`
 * and `POST /api/connection/test`): its name, abilities and dates, never the token itself. Isomorphic, so
 * the browser can parse with the same schema. The fields are Fathom's `GET /token` answer, as read by
 * lib/fathom/account.ts.
 */
import { z } from "zod";

export const tokenInfoViewSchema = z.object({
  name: z.string(),
  version: z.number().nullable(),
  /** `*` (full access), `all-sites-readonly`, `read:{site_id}`, `manage:{site_id}`. */
  abilities: z.array(z.string()),
  last_used_at: z.string().nullable(),
  expires_at: z.string().nullable(),
  created_at: z.string().nullable(),
  updated_at: z.string().nullable(),
});
export type TokenInfoView = z.infer<typeof tokenInfoViewSchema>;
