/**
 * The parameters of Fathom's `GET /aggregations`, as plain data (arrays, not comma-joined strings).
 * Isomorphic: the ReportQuery mapping produces this shape, the Fathom client validates and encodes it,
 * the simulator decodes it. Fathom's cross-field rules are added as refinements beside the schema.
 */
import { z } from "zod";
import {
  aggregateSchema,
  dateGroupingSchema,
  entitySchema,
  fathomFilterSchema,
  groupableFieldSchema,
} from "./fathom-fields";

/** `YYYY-MM-DD HH:mm:ss`, in the site's timezone. */
export const fathomTimestampSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, "Use the format YYYY-MM-DD HH:mm:ss");

export const aggregationParamsShape = z.object({
  entity: entitySchema,
  entity_id: z.string().min(1).optional(),
  site_id: z.string().min(1).optional(),
  entity_name: z.string().min(1).max(255).optional(),
  aggregates: z.array(aggregateSchema).min(1, "Pick at least one metric"),
  date_grouping: dateGroupingSchema.optional(),
  field_grouping: z.array(groupableFieldSchema).optional(),
  /** `field:asc|desc`. */
  sort_by: z.string().regex(/^[a-z_]+:(asc|desc)$/, "Sort as field:asc or field:desc").optional(),
  date_from: fathomTimestampSchema.optional(),
  date_to: fathomTimestampSchema.optional(),
  timezone: z.string().min(1).optional(),
  limit: z.number().int().positive().optional(),
  filters: z.array(fathomFilterSchema).optional(),
});

export type AggregationParams = z.infer<typeof aggregationParamsShape>;
