/**
 * What the builder knows of a site: enough to pick it, resolve its dates and list its events. The page
 * maps the governed site directory onto this; a client that fetches it as JSON parses with the schema.
 */
import { z } from "zod";
import { eventCurrencySchema } from "@/lib/query/fathom-fields";
import { reportTimezone } from "@/lib/query/resolve-range";

export const builderSiteSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** IANA name; null means the account's default, which Sounding cannot know and treats as UTC. */
  timezone: z.string().nullable(),
  events: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      /** Fathom lists events without their currency: known only when it was last set through Sounding. */
      currency: eventCurrencySchema.nullable(),
    }),
  ),
});
export type BuilderSite = z.infer<typeof builderSiteSchema>;

/** The timezone dates are resolved in for a site: the same fallback as the server's (reportTimezone). */
export function siteTimezone(site: BuilderSite | undefined): string {
  return reportTimezone(site?.timezone);
}
