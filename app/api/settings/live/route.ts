import { route } from "@/lib/api/route";
import { intervalSettingSchema } from "@/lib/current-visitors/interval";
import { intervalSettingState, writeStoredInterval } from "@/lib/current-visitors/interval-setting";

/** The default current-visitors refresh interval: read by admins, set or cleared (null) by them. */
export const GET = route({ access: "admin" }, async () => intervalSettingState());

export const PUT = route({ access: "admin", body: intervalSettingSchema }, async ({ body }) => {
  await writeStoredInterval(body.intervalSeconds);
  return intervalSettingState();
});
