import "server-only";
import { z } from "zod";
import type { CallOptions, FathomHttp } from "./http";

export const accountSchema = z.object({
  id: z.union([z.number(), z.string()]),
  object: z.literal("account"),
  name: z.string(),
  email: z.string(),
});
export type FathomAccount = z.infer<typeof accountSchema>;

const nullableText = z
  .string()
  .nullish()
  .transform((value) => value ?? null);

/** Metadata of the token making the request; Fathom never returns the secret itself. */
export const tokenInfoSchema = z.object({
  name: z.string(),
  version: z.number().nullish().transform((value) => value ?? null),
  /** `*` (full access), `all-sites-readonly`, `read:{site_id}`, `manage:{site_id}`. */
  abilities: z.array(z.string()),
  last_used_at: nullableText,
  expires_at: nullableText,
  created_at: nullableText,
  updated_at: nullableText,
});
export type FathomTokenInfo = z.infer<typeof tokenInfoSchema>;

export function accountEndpoints(http: FathomHttp) {
  return {
    /** Needs a token with full account access (`*`). */
    getAccount: async (options: CallOptions = {}) =>
      http.request({ method: "GET", path: ["account"], schema: accountSchema, signal: options.signal }),
    /** Works with any valid token: "Test connection" uses it. */
    getToken: async (options: CallOptions = {}) =>
      http.request({ method: "GET", path: ["token"], schema: tokenInfoSchema, signal: options.signal }),
  };
}
