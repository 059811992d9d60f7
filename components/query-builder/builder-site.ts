/**
 * What the builder knows of a site: enough to pick it, resolve its dates and list its events. The page
 * maps the governed site directory onto this; a client that fetches it as JSON parses with the schema.
 */
import { z } from "zod";

export const builderSiteSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** IANA name; null means the account's default, which the builder treats as UTC. */
  timezone: z.string().nullable(),
  events: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type BuilderSite = z.infer<typeof builderSiteSchema>;

/** The timezone dates are resolved in for a site. */
export function siteTimezone(site: BuilderSite | undefined): string {
  return site?.timezone ?? "UTC";
}
