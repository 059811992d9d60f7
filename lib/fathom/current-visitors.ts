import "server-only";
import { z } from "zod";
import { checkInput, type CallOptions, type FathomHttp } from "./http";
import { fathomNumberSchema, idSchema } from "./values";

const text = z
  .string()
  .nullish()
  .transform((value) => value ?? null);

export const currentVisitorsSchema = z.object({
  total: fathomNumberSchema,
  /** Only with `detailed`: the top pages (up to 150). */
  content: z.array(z.object({ hostname: text, pathname: text, total: fathomNumberSchema })).optional(),
  /** Only with `detailed`: the top referrers (up to 150). */
  referrers: z
    .array(z.object({ referrer_hostname: text, referrer_pathname: text, total: fathomNumberSchema }))
    .optional(),
});
export type CurrentVisitors = z.infer<typeof currentVisitorsSchema>;

export const currentVisitorsParamsSchema = z.object({ siteId: idSchema("site"), detailed: z.boolean().optional() });
export type CurrentVisitorsParams = z.input<typeof currentVisitorsParamsSchema>;

export function currentVisitorsEndpoints(http: FathomHttp) {
  return {
    currentVisitors: async (params: CurrentVisitorsParams, options: CallOptions = {}) => {
      const { siteId, detailed } = checkInput(currentVisitorsParamsSchema, params, "current visitors request");
      return http.request({
        method: "GET",
        path: ["current_visitors"],
        query: [
          ["site_id", siteId],
          ["detailed", detailed ? "true" : undefined],
        ],
        schema: currentVisitorsSchema,
        signal: options.signal,
      });
    },
  };
}
