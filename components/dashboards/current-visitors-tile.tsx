"use client";
import dynamic from "next/dynamic";
import type { Tile } from "@/lib/dashboards/dashboard";
import type { TileContext } from "./tile-context";

/** The live panel draws a sparkline; like the report tiles it loads beside the first figures. */
const CurrentVisitorsPanel = dynamic(
  () => import("@/components/current-visitors/current-visitors-panel").then((module) => module.CurrentVisitorsPanel),
  { ssr: false, loading: () => <p className="h-32 animate-pulse rounded-lg border border-line bg-surface p-4 text-sm text-muted">Loading the current visitors…</p> },
);

type CurrentVisitorsTileData = Extract<Tile, { kind: "current_visitors" }>;

/**
 * Who is on a site now, in its simple form (the total and its sparkline; the viewer can open the top
 * pages). Polls on the server's shared schedule, so many boards watching one site cost one request.
 */
export function CurrentVisitorsTile({ tile, ctx }: { tile: CurrentVisitorsTileData; ctx: TileContext }) {
  return <CurrentVisitorsPanel siteId={tile.site} siteName={ctx.sites.get(tile.site)?.name} detailed={false} className="h-full" />;
}
