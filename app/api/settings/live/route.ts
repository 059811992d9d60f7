import { route } from "@/lib/api/route";
import { intervalSettingSchema } from "@/lib/current-visitors/interval";
import { intervalSettingState, writeStoredInterval } from "@/lib/current-visitors/interval-setting";
import { database } from "@/lib/store/db";

/** The default current-visitors refresh interval: read by admins, set or cleared (null) by them. */
export const GET = route({ access: "admin" }, async () => intervalSettingState());

export const PUT = route({ access: "admin", body: intervalSettingSchema }, async ({ body }) => {
  const db = await database();
  await writeStoredInterval(db, body.intervalSeconds);
  return intervalSettingState(db);
});
