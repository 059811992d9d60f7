import { route } from "@/lib/api/route";
import { getGovernor } from "@/lib/governor/process-governor";

/**
 * The upstream budget as the governor sees it (admins only): bucket levels, queue by priority, calls in
 * flight, cache hit ratio, upstream calls in the last minute, today and this month, per class.
 */
export const GET = route({ access: "admin" }, async () => (await getGovernor()).state());
