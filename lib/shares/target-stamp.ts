import "server-only";
import type { Kysely } from "kysely";
import { database } from "@/lib/store/db";
import type { Database } from "@/lib/store/schema";
import type { ShareTarget } from "./share";

/**
 * What a share's cached answer was made from, read cheaply on every request: the versions of its report, or
 * of its dashboard and the reports its tiles show (`r12@3`, `d4@7:r12@3,r13@1`, as `targetVersions` in
 * ./share-run.ts writes them from loaded documents). Plain column reads, no parsing of stored queries, so a
 * cached share answers at nearly the speed of a trivial route while an edit still shows at once. Null when
 * the report or dashboard was deleted.
 */

/** A dashboard's report ids by `id@version`: a version never changes, so its layout is parsed once. */
const tileReports = new Map<string, number[]>();
const MAX_LAYOUTS = 1000;

function reportIdsOf(key: string, layoutJson: string): number[] {
  const known = tileReports.get(key);
  if (known) return known;
  const layout = JSON.parse(layoutJson) as { tiles?: Array<{ kind?: unknown; reportId?: unknown }> };
  const ids = (layout.tiles ?? []).flatMap((tile) => (tile.kind === "report" && typeof tile.reportId === "number" ? [tile.reportId] : []));
  if (tileReports.size >= MAX_LAYOUTS) tileReports.clear();
  tileReports.set(key, ids);
  return ids;
}

export async function targetStamp(target: ShareTarget, db: Kysely<Database> | null = null): Promise<string | null> {
  const store = db ?? (await database());
  if (target.kind === "report") {
    const report = await store.selectFrom("saved_reports").select("version").where("id", "=", target.id).where("deleted_at", "is", null).executeTakeFirst();
    return report ? `r${target.id}@${report.version}` : null;
  }
  const dashboard = await store
    .selectFrom("dashboards")
    .select(["version", "layout_json"])
    .where("id", "=", target.id)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  if (!dashboard) return null;
  const ids = reportIdsOf(`${target.id}@${dashboard.version}`, dashboard.layout_json);
  const versions = new Map<number, number>();
  if (ids.length > 0) {
    const rows = await store.selectFrom("saved_reports").select(["id", "version"]).where("id", "in", [...new Set(ids)]).where("deleted_at", "is", null).execute();
    for (const row of rows) versions.set(row.id, row.version);
  }
  // In tile order, each report once, the deleted ones left out: as getDashboard's `reports` come.
  const seen = new Set<number>();
  const reports = ids.filter((id) => versions.has(id) && !seen.has(id) && seen.add(id)).map((id) => `r${id}@${versions.get(id)}`);
  return `d${target.id}@${dashboard.version}:${reports.join(",")}`;
}

const STAMP_MS = 1_000;
const recent = new Map<string, { stamp: Promise<string | null>; at: number }>();

/**
 * `targetStamp` of the process's store, read at most once a second per target: a link open in a whole
 * company asks many times a second, and an edit of its report showing a second later is as good as at once.
 * (The share itself, and so a pause or a revocation, is still read on every request.)
 */
export function recentTargetStamp(target: ShareTarget, now = Date.now()): Promise<string | null> {
  const key = `${target.kind}:${target.id}`;
  const known = recent.get(key);
  if (known && now - known.at < STAMP_MS) return known.stamp;
  const stamp = targetStamp(target);
  if (recent.size >= MAX_LAYOUTS) recent.clear();
  recent.set(key, { stamp, at: now });
  // A failed read is not kept.
  stamp.catch(() => recent.delete(key));
  return stamp;
}
