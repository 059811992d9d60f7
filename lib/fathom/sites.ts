import "server-only";
import { z } from "zod";
import { isKnownTimezone } from "@/lib/query/text-checks";
import { MAX_NAME_LENGTH, SITE_SHARING } from "@/lib/query/fathom-fields";
import { retiredEndpointError } from "./errors";
import { checkInput, compact, type CallOptions, type FathomHttp } from "./http";
import { listAll, listParamsSchema, listQuery, listSchema, type ListParams } from "./pagination";
import { deletedSchema, idSchema } from "./values";

export const siteSharingSchema = z.enum(SITE_SHARING);

export const siteSchema = z.object({
  id: z.string(),
  object: z.literal("site"),
  name: z.string(),
  sharing: siteSharingSchema,
  created_at: z.string(),
  /** Older sites may predate per-site timezones; null means the account's default. */
  timezone: z
    .string()
    .nullish()
    .transform((tz) => tz ?? null),
});
export type FathomSite = z.infer<typeof siteSchema>;

export const siteListSchema = listSchema(siteSchema);
export const siteDeletedSchema = deletedSchema("site");

const timezoneSchema = z.string().trim().refine(isKnownTimezone, "Use a timezone name such as America/New_York");

const siteFields = {
  name: z.string().trim().min(1, "Give the site a name").max(MAX_NAME_LENGTH, `Use at most ${MAX_NAME_LENGTH} characters`),
  sharing: siteSharingSchema.optional(),
  share_password: z.string().min(1).max(MAX_NAME_LENGTH, `Use at most ${MAX_NAME_LENGTH} characters`).optional(),
  timezone: timezoneSchema.optional(),
  multi_domain: z.boolean().optional(),
  multi_domain_option: z.enum(["combined", "separate"]).optional(),
};

type SiteBodyShape = {
  sharing?: string;
  share_password?: string;
  multi_domain?: boolean;
  multi_domain_option?: string;
};

/** "Required if sharing is private" / "Required if multi_domain is true". */
function siteBodyRules(body: SiteBodyShape, ctx: z.RefinementCtx) {
  if (body.sharing === "private" && !body.share_password) {
    ctx.addIssue({ code: "custom", path: ["share_password"], message: "A privately shared site needs a password." });
  }
  if (body.multi_domain === true && !body.multi_domain_option) {
    ctx.addIssue({ code: "custom", path: ["multi_domain_option"], message: "Choose whether multiple domains are combined or separate." });
  }
}

export const createSiteBodySchema = z.object(siteFields).superRefine(siteBodyRules);
export type CreateSiteBody = z.input<typeof createSiteBodySchema>;

export const updateSiteBodySchema = z.object({ ...siteFields, name: siteFields.name.optional() }).superRefine(siteBodyRules);
export type UpdateSiteBody = z.input<typeof updateSiteBodySchema>;

const siteIdSchema = idSchema("site");

export function siteEndpoints(http: FathomHttp) {
  const listSites = async (page: ListParams = {}, options: CallOptions = {}) =>
    http.request({
      method: "GET",
      path: ["sites"],
      query: listQuery(checkInput(listParamsSchema, page, "page")),
      schema: siteListSchema,
      signal: options.signal,
    });

  return {
    listSites,
    /** Every site, walking all pages. */
    listAllSites: (options: CallOptions = {}) => listAll(listSites, options),

    getSite: async (siteId: string, options: CallOptions = {}) =>
      http.request({
        method: "GET",
        path: ["sites", checkInput(siteIdSchema, siteId, "site id")],
        schema: siteSchema,
        signal: options.signal,
      }),

    createSite: async (body: CreateSiteBody, options: CallOptions = {}) =>
      http.request({
        method: "POST",
        path: ["sites"],
        body: compact(checkInput(createSiteBodySchema, body, "site")),
        schema: siteSchema,
        signal: options.signal,
      }),

    /** Sends only the fields given. */
    updateSite: async (siteId: string, body: UpdateSiteBody, options: CallOptions = {}) =>
      http.request({
        method: "POST",
        path: ["sites", checkInput(siteIdSchema, siteId, "site id")],
        body: compact(checkInput(updateSiteBodySchema, body, "site")),
        schema: siteSchema,
        signal: options.signal,
      }),

    deleteSite: async (siteId: string, options: CallOptions = {}) =>
      http.request({
        method: "DELETE",
        path: ["sites", checkInput(siteIdSchema, siteId, "site id")],
        schema: siteDeletedSchema,
        signal: options.signal,
      }),

    /** `DELETE /sites/{id}/data` is retired (410): refused here without spending a request. */
    wipeSite: async (_siteId: string, _options: CallOptions = {}): Promise<never> => {
      throw retiredEndpointError("Wiping a site's data");
    },
  };
}
