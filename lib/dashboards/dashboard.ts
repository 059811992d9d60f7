/**
 * Dashboards: a named grid of tiles with one date range and one set of filters for the whole board.
 * Tile kinds (Umami's boards keep one registry of them): a saved report shown as its cards, chart, table or
 * all three; a Markdown text tile; a current-visitors tile. Every save is a version, as for saved reports.
 * Isomorphic: the editor, the routes and the store parse with these schemas.
 */
import { z } from "zod";
import { dateRangeSchema } from "@/lib/query/date-presets";
import { MAX_FILTERS, reportFilterSchema, siteIdSchema } from "@/lib/query/report-query";
import { isCleanText, personSchema, reportDescriptionSchema, reportNameSchema } from "@/lib/reports/saved-report";
import { pathNumberSchema } from "@/lib/api/path-number";

export const dashboardIdSchema = pathNumberSchema("a dashboard id");

export const TILE_SIZES = ["small", "medium", "wide", "full"] as const;
export const tileSizeSchema = z.enum(TILE_SIZES, { error: "Pick a tile size: small, medium, wide or full" });
export type TileSize = z.infer<typeof tileSizeSchema>;

/** How a report tile shows its report. */
export const TILE_VIEWS = ["all", "cards", "chart", "table"] as const;
export const tileViewSchema = z.enum(TILE_VIEWS, { error: "Show the report as cards, a chart, a table or all three" });
export type TileView = z.infer<typeof tileViewSchema>;

export const MAX_TILES = 40;
export const MAX_MARKDOWN = 10_000;

/** A tile's id within its dashboard (drag-and-drop keys, undo): short, random, url-safe. */
export const tileIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,32}$/, "That is not a tile id");

const tileBase = { id: tileIdSchema, size: tileSizeSchema };

export const reportTileSchema = z.strictObject({
  ...tileBase,
  kind: z.literal("report"),
  reportId: z.number({ error: "Pick a saved report" }).int().positive().max(2_147_483_647, "That is not a report id"),
  view: tileViewSchema,
  /** Keep the report's own range instead of the dashboard's. */
  pinRange: z.boolean(),
  /** Keep only the report's own filters instead of adding the dashboard's. */
  pinFilters: z.boolean(),
});

export const textTileSchema = z.strictObject({
  ...tileBase,
  kind: z.literal("text"),
  markdown: z
    .string()
    .max(MAX_MARKDOWN, `Keep a text tile under ${MAX_MARKDOWN.toLocaleString("en-US")} characters`)
    .refine(isCleanText, "Remove the unreadable character from the text"),
});

export const currentVisitorsTileSchema = z.strictObject({
  ...tileBase,
  kind: z.literal("current_visitors"),
  site: siteIdSchema,
});

export const tileSchema = z.discriminatedUnion("kind", [reportTileSchema, textTileSchema, currentVisitorsTileSchema], {
  error: "A tile is a report, a text or current visitors",
});
export type Tile = z.infer<typeof tileSchema>;
export type ReportTile = z.infer<typeof reportTileSchema>;

/**
 * What a dashboard shows: its tiles in order, and the range and filters every report tile follows unless
 * it pins its own. `range: null` means "each report's own range" until the viewer picks one.
 */
export const dashboardLayoutSchema = z.strictObject({
  tiles: z
    .array(tileSchema)
    .max(MAX_TILES, `A dashboard has at most ${MAX_TILES} tiles`)
    .refine((tiles) => new Set(tiles.map((tile) => tile.id)).size === tiles.length, "Two tiles have the same id"),
  range: dateRangeSchema.nullable(),
  filters: z.array(reportFilterSchema).max(MAX_FILTERS, `Use at most ${MAX_FILTERS} filters`),
});
export type DashboardLayout = z.infer<typeof dashboardLayoutSchema>;

export const emptyDashboardLayout = (): DashboardLayout => ({ tiles: [], range: null, filters: [] });

/** `POST /api/dashboards`. */
export const newDashboardSchema = z.strictObject({
  name: reportNameSchema,
  description: reportDescriptionSchema.default(""),
  layout: dashboardLayoutSchema.default(emptyDashboardLayout),
});

/** `PATCH /api/dashboards/[id]`: a new version; `baseVersion` as for saved reports (409 when stale). */
export const dashboardChangeSchema = z
  .strictObject({
    name: reportNameSchema.optional(),
    description: reportDescriptionSchema.optional(),
    layout: dashboardLayoutSchema.optional(),
    baseVersion: z.number().int().positive().optional(),
  })
  .refine((change) => change.name !== undefined || change.description !== undefined || change.layout !== undefined, {
    message: "Change the name, the description or the tiles",
  });

/** A dashboard as the API answers it. `layout` is parsed: a stored layout that no longer parses is a 500 bug, not input. */
export const dashboardSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  layout: dashboardLayoutSchema,
  version: z.number().int(),
  owner: personSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: personSchema,
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const dashboardListSchema = z.object({
  dashboards: z.array(dashboardSchema.omit({ layout: true }).extend({ tileCount: z.number().int() })),
});

export const dashboardVersionSchema = z.object({
  version: z.number().int(),
  name: z.string(),
  description: z.string(),
  layout: dashboardLayoutSchema,
  createdAt: z.string(),
  createdBy: personSchema,
  restoredFrom: z.number().int().nullable(),
});
export type DashboardVersion = z.infer<typeof dashboardVersionSchema>;

export const dashboardHistorySchema = z.object({ versions: z.array(dashboardVersionSchema) });
