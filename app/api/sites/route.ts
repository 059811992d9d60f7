import { route } from "@/lib/api/route";
import { loadSiteDirectory } from "@/lib/fathom/site-directory";
import { getFathom } from "@/lib/server/connection";

/** Every site with its events and milestones (all pages of each list), for any signed-in user. */
export const GET = route({ access: "viewer" }, async ({ request }) => {
  const { client, mode } = await getFathom();
  return { mode, sites: await loadSiteDirectory(client, { signal: request.signal }) };
});
