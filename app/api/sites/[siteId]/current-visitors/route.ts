import { z } from "zod";
import { route } from "@/lib/api/route";
import { currentVisitorsQuerySchema } from "@/lib/current-visitors/answer";
import { currentVisitorsBaseInterval } from "@/lib/current-visitors/interval-setting";
import { toCurrentVisitorsAnswer } from "@/lib/current-visitors/to-answer";
import { idSchema } from "@/lib/fathom/values";
import { governedFathom } from "@/lib/governor/governed-fathom";

const params = z.object({ siteId: idSchema("site") });

/**
 * A site's current visitors, `?detailed=true` with the top pages and referrers. Fetched from Fathom at
 * most once per interval per site for everyone watching (the governor); `meta.nextRefreshAt` says when
 * asking again can bring a newer figure.
 */
export const GET = route({ access: "viewer", params, query: currentVisitorsQuerySchema }, async ({ params, query }) => {
  const [fathom, baseIntervalSeconds] = await Promise.all([governedFathom(), currentVisitorsBaseInterval()]);
  const answer = await fathom.currentVisitors(params.siteId, { detailed: query.detailed, priority: "poll", baseIntervalSeconds });
  return toCurrentVisitorsAnswer(params.siteId, query.detailed, answer);
});
