/**
 * Reads the query string of GET /aggregations the way Fathom does and turns it into an engine query,
 * or refuses: 400 `{errors}` for malformed parameters, 404 for an unknown site or event, 400 `{error}`
 * for unknown names, filters Fathom does not allow, bad regular expressions and hourly grouping over
 * more than 7 days, 422 for names that exist but do not go together (README, "Errors").
 */
import {
  AGGREGATES_BY_ENTITY,
  aggregateSchema,
  DATE_GROUPINGS,
  ENTITIES,
  filterOperatorSchema,
  filterPropertySchema,
  groupableFieldSchema,
  HOURLY_MAX_DAYS,
  operatorsFor,
  type Aggregate,
  type DateGrouping,
  type Entity,
  type GroupableField,
} from "@/lib/query/fathom-fields";
import type { AccountState, SiteRecord } from "./account-state";
import type { AggregationQuery } from "./aggregate";
import { refuse, refuseWith } from "./answers";
import { compileFilter, InvalidFilterError, type CompiledFilter } from "./filters";
import { siteOr404 } from "./management";
import { parseWallTime, wallTimeToEpochSeconds } from "./time-zone";
import { Validator } from "./validation";

export type AggregationContext = {
  state: AccountState;
  /** Epoch minutes: the last minute with data (now) and the first (the start of the rolling window). */
  nowMinute: number;
  firstMinute: number;
};

export type ParsedAggregation = { site: SiteRecord; query: AggregationQuery; shape: string };

const list = (value: string | null) => [...new Set((value ?? "").split(",").map((part) => part.trim()).filter(Boolean))];
const unprocessable = (message: string): never => refuse(422, { error: message });

function validate(params: URLSearchParams) {
  const input = Object.fromEntries(params);
  const validator = new Validator(input)
    .required("entity")
    .oneOf("entity", ENTITIES)
    .required("aggregates")
    .oneOf("date_grouping", DATE_GROUPINGS)
    .timezone("timezone");
  if (input.entity === "pageview") validator.requiredIf("entity_id", true, "entity is pageview");
  if (input.entity === "event" && !input.entity_id) {
    validator.requiredIf("site_id", true, "entity id is not present").requiredIf("entity_name", true, "entity id is not present");
  }
  for (const field of ["date_from", "date_to"] as const) {
    const value = params.get(field);
    if (value !== null && parseWallTime(value) === null) validator.fail(field, `The ${field.replace("_", " ")} does not match the format Y-m-d H:i:s.`);
  }
  const limit = params.get("limit");
  if (limit !== null && !/^\d+$/.test(limit)) validator.fail("limit", "The limit must be an integer.");
  else if (limit !== null && Number(limit) < 1) validator.fail("limit", "The limit must be at least 1.");
  const sort = params.get("sort_by");
  if (sort !== null && !/^[a-z_]+:(asc|desc)$/.test(sort)) validator.fail("sort_by", "The sort by format is invalid. Use field:asc or field:desc.");
  validator.check();
}

function aggregatesFor(entity: Entity, params: URLSearchParams): Aggregate[] {
  return list(params.get("aggregates")).map((name) => {
    const parsed = aggregateSchema.safeParse(name);
    if (!parsed.success) return refuseWith(400, `Unknown aggregate "${name}". Supported: ${[...AGGREGATES_BY_ENTITY.pageview, ...AGGREGATES_BY_ENTITY.event].join(", ")}.`);
    if (!AGGREGATES_BY_ENTITY[entity].includes(parsed.data)) return unprocessable(`The aggregate "${name}" cannot be used with the ${entity} entity.`);
    return parsed.data;
  });
}

function fieldGrouping(params: URLSearchParams): GroupableField[] {
  return list(params.get("field_grouping")).map((name) => {
    if (name === "domain") return refuseWith(400, "domain can be filtered on but not grouped by.");
    const parsed = groupableFieldSchema.safeParse(name);
    return parsed.success ? parsed.data : refuseWith(400, `Unknown field_grouping field "${name}".`);
  });
}

function filters(raw: string | null): { compiled: CompiledFilter[]; shape: string[] } {
  if (raw === null || raw.trim() === "") return { compiled: [], shape: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return refuseWith(400, "The filters must be a JSON-encoded array of {property, operator, value} objects.");
  }
  if (!Array.isArray(parsed)) return refuseWith(400, "The filters must be a JSON-encoded array of {property, operator, value} objects.");
  const compiled = parsed.map((item: unknown) => {
    const { property, operator, value } = (typeof item === "object" && item !== null ? item : {}) as Record<string, unknown>;
    if (typeof property !== "string" || typeof operator !== "string") return refuseWith(400, "Each filter needs a property, an operator and a value.");
    if (typeof value !== "string") return refuseWith(400, `The value of the ${property} filter must be a string.`);
    if (property === "keyword") return refuseWith(400, "keyword can be grouped by but not filtered on.");
    const prop = filterPropertySchema.safeParse(property);
    if (!prop.success) return refuseWith(400, `Unknown filter property "${property}".`);
    const op = filterOperatorSchema.safeParse(operator);
    if (!op.success) return refuseWith(400, `Unknown filter operator "${operator}".`);
    const allowed = operatorsFor(prop.data);
    if (!allowed.includes(op.data)) return refuseWith(400, `The "${operator}" operator cannot be used on ${property}; use ${allowed.join(" or ")}.`);
    try {
      return compileFilter({ property: prop.data, operator: op.data, value });
    } catch (error) {
      if (error instanceof InvalidFilterError) refuseWith(400, error.message);
      throw error;
    }
  }) as CompiledFilter[];
  const shape = parsed.map((item: { property: string; operator: string }) => `${item.property} ${item.operator}`).sort();
  return { compiled, shape };
}

function resolve(entity: Entity, params: URLSearchParams, state: AccountState): { site: SiteRecord; eventKey: number | null } {
  const entityId = params.get("entity_id");
  if (entity === "pageview") return { site: siteOr404(state, entityId ?? undefined), eventKey: null };
  if (entityId) {
    const event = state.eventById(entityId) ?? refuseWith(404, "The event you requested was not found, or this token cannot access it.");
    return { site: siteOr404(state, event.siteId), eventKey: event.dataKey };
  }
  const site = siteOr404(state, params.get("site_id") ?? undefined);
  const event = state.eventsOf(site.id).find((candidate) => candidate.name === params.get("entity_name"));
  return { site, eventKey: event?.dataKey ?? null };
}

export function parseAggregation(params: URLSearchParams, ctx: AggregationContext): ParsedAggregation {
  validate(params);
  const entity = params.get("entity") as Entity;
  const dateGrouping = (params.get("date_grouping") || null) as DateGrouping | null;
  const { site, eventKey } = resolve(entity, params, ctx.state);
  const aggregates = aggregatesFor(entity, params);
  const grouping = fieldGrouping(params);
  const filter = filters(params.get("filters"));
  const timeZone = params.get("timezone") || site.timezone;

  const dateFrom = params.get("date_from");
  const dateTo = params.get("date_to");
  const fromSeconds = dateFrom ? wallTimeToEpochSeconds(timeZone, parseWallTime(dateFrom)!) : ctx.firstMinute * 60;
  const toSeconds = dateTo ? wallTimeToEpochSeconds(timeZone, parseWallTime(dateTo)!) : ctx.nowMinute * 60;
  if (dateGrouping === "hour" && toSeconds - fromSeconds > HOURLY_MAX_DAYS * 86_400) {
    refuseWith(400, `Hourly date grouping is only supported for date ranges of up to ${HOURLY_MAX_DAYS} days.`);
  }

  let sort: AggregationQuery["sort"] = null;
  const sortBy = params.get("sort_by");
  if (sortBy) {
    const [field = "", direction] = sortBy.split(":");
    if (field === "timestamp") {
      if (!dateGrouping) unprocessable("You can only sort by timestamp when using a date_grouping.");
    } else if (!aggregates.includes(field as Aggregate) && !grouping.includes(field as GroupableField)) {
      const known = aggregateSchema.safeParse(field).success || groupableFieldSchema.safeParse(field).success;
      if (known) unprocessable(`You can only sort by a field present in aggregates or field_grouping; "${field}" is in neither.`);
      refuseWith(400, `Unknown sort_by field "${field}".`);
    }
    sort = { field, descending: direction === "desc" };
  }

  const limit = params.get("limit");
  const query: AggregationQuery = {
    entity,
    eventKey,
    aggregates,
    dateGrouping,
    fieldGrouping: grouping,
    filters: filter.compiled,
    sort,
    limit: limit === null ? null : Number(limit),
    fromMinute: Math.max(ctx.firstMinute, Math.ceil(fromSeconds / 60)),
    toMinute: Math.min(ctx.nowMinute, Math.floor(toSeconds / 60)),
    timeZone,
  };
  const shape = JSON.stringify([entity, [...aggregates].sort(), dateGrouping, [...grouping].sort(), filter.shape, sortBy?.split(":")[0] ?? null]);
  return { site, query, shape };
}
