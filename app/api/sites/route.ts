import { route } from "@/lib/api/route";
import { loadSiteDirectory } from "@/lib/fathom/site-directory";
import { governedFathom } from "@/lib/governor/governed-fathom";

/** Every site with its events and milestones (all pages of each list), for any signed-in user. */
export const GET = route({ access: "viewer" }, async () => {
  const fathom = await governedFathom();
  return { mode: fathom.mode, sites: await loadSiteDirectory(fathom.directorySource()) };
});
