/**
 * Reads the query of GET /aggregations the way Fathom does (as PHP parsed it: php-input.ts) and turns
 * it into an engine query, or refuses: 400 `{errors}` for malformed parameters, 404 for an unknown
 * site or event, 400 `{error}` for unknown names, filters Fathom does not allow, bad regular
 * expressions and hourly grouping over more than 7 days, 422 for names that exist but do not go
 * together (README, "Errors"). Every parameter is applied or refused: an array where a string
 * belongs is refused, and `filters` is read whether it came as JSON or as bracketed fields.
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
import { readDateParameter } from "./date-input";
import { fieldOf, itemsOf, keysOf } from "./php-input";
import { Validator, type Input } from "./validation";

export type AggregationContext = {
  state: AccountState;
  /** Epoch minutes: the last minute with data (now) and the first (the start of the rolling window). */
  nowMinute: number;
  firstMinute: number;
};

export type ParsedAggregation = { site: SiteRecord; query: AggregationQuery; shape: string };

/** The parameters GET /aggregations reads; `filters` alone may be an array. */
export const AGGREGATION_PARAMETERS = [
  "entity",
  "entity_id",
  "site_id",
  "entity_name",
  "aggregates",
  "date_grouping",
  "field_grouping",
  "sort_by",
  "date_from",
  "date_to",
  "timezone",
  "limit",
  "filters",
] as const;

const list = (value: string | null) => [...new Set((value ?? "").split(",").map((part) => part.trim()).filter(Boolean))];
const unprocessable = (message: string): never => refuse(422, { error: message });
/** A parameter's text, or null when absent (validation has refused any other shape). */
const text = (input: Input, name: string): string | null => (typeof input[name] === "string" ? (input[name] as string) : null);

function validate(input: Input) {
  const validator = new Validator(input);
  for (const name of AGGREGATION_PARAMETERS) if (name !== "filters") validator.scalar(name);
  validator
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
    const value = text(input, field);
    if (value !== null && readDateParameter(value, "UTC", "start") === null) validator.fail(field, `The ${field.replace("_", " ")} is not a valid date.`);
  }
  const limit = text(input, "limit");
  if (limit !== null && !/^\d+$/.test(limit)) validator.fail("limit", "The limit must be an integer.");
  else if (limit !== null && Number(limit) < 1) validator.fail("limit", "The limit must be at least 1.");
  const sort = text(input, "sort_by");
  if (sort !== null && !/^[a-z_]+:(asc|desc)$/.test(sort)) validator.fail("sort_by", "The sort by format is invalid. Use field:asc or field:desc.");
  validator.check();
}

function aggregatesFor(entity: Entity, input: Input): Aggregate[] {
  return list(text(input, "aggregates")).map((name) => {
    const parsed = aggregateSchema.safeParse(name);
    if (!parsed.success) return refuseWith(400, `Unknown aggregate "${name}". Supported: ${[...AGGREGATES_BY_ENTITY.pageview, ...AGGREGATES_BY_ENTITY.event].join(", ")}.`);
    if (!AGGREGATES_BY_ENTITY[entity].includes(parsed.data)) return unprocessable(`The aggregate "${name}" cannot be used with the ${entity} entity.`);
    return parsed.data;
  });
}

function fieldGrouping(input: Input): GroupableField[] {
  return list(text(input, "field_grouping")).map((name) => {
    if (name === "domain") return refuseWith(400, "domain can be filtered on but not grouped by.");
    const parsed = groupableFieldSchema.safeParse(name);
    return parsed.success ? parsed.data : refuseWith(400, `Unknown field_grouping field "${name}".`);
  });
}

const FILTERS_SHAPE = "The filters must be a JSON-encoded array of {property, operator, value} objects.";
const FILTER_KEYS = new Set(["property", "operator", "value"]);

/**
 * The filters, from a JSON text (`[…]`; `{}` is an empty list, as PHP's json_decode reads it) or from
 * bracketed fields (`filters[0][property]=…`: PHP hands them over as an array of arrays). Each item
 * must be a whole filter; a part of one (`filters[][property]=…&filters[][operator]=…` is three
 * items in PHP) or an unknown key is refused, never passed over.
 */
function filterItems(raw: unknown): unknown[] {
  if (raw === null || raw === undefined) return [];
  let decoded = raw;
  if (typeof raw === "string") {
    try {
      decoded = JSON.parse(raw);
    } catch {
      return refuseWith(400, FILTERS_SHAPE);
    }
  }
  return itemsOf(decoded) ?? refuseWith(400, FILTERS_SHAPE);
}

function compileOne(item: unknown): CompiledFilter {
  const [property, operator, value] = ["property", "operator", "value"].map((key) => fieldOf(item, key));
  if (typeof property !== "string" || typeof operator !== "string" || value === undefined || value === null) {
    return refuseWith(400, "Each filter needs a property, an operator and a value.");
  }
  const unknown = keysOf(item).find((key) => !FILTER_KEYS.has(key));
  if (unknown !== undefined) return refuseWith(400, `A filter has a property, an operator and a value; "${unknown}" is not one of them.`);
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
}

function filters(raw: unknown): { compiled: CompiledFilter[]; shape: string[] } {
  const items = filterItems(raw);
  const compiled = items.map(compileOne);
  const shape = items.map((item) => `${String(fieldOf(item, "property"))} ${String(fieldOf(item, "operator"))}`).sort();
  return { compiled, shape };
}

function resolve(entity: Entity, input: Input, state: AccountState): { site: SiteRecord; eventKey: number | null } {
  const entityId = text(input, "entity_id");
  if (entity === "pageview") return { site: siteOr404(state, entityId ?? undefined), eventKey: null };
  if (entityId) {
    const event = state.eventById(entityId) ?? refuseWith(404, "The event you requested was not found, or this token cannot access it.");
    return { site: siteOr404(state, event.siteId), eventKey: event.dataKey };
  }
  const site = siteOr404(state, text(input, "site_id") ?? undefined);
  const event = state.eventsOf(site.id).find((candidate) => candidate.name === text(input, "entity_name"));
  return { site, eventKey: event?.dataKey ?? null };
}

export function parseAggregation(input: Input, ctx: AggregationContext): ParsedAggregation {
  validate(input);
  const entity = text(input, "entity") as Entity;
  const dateGrouping = text(input, "date_grouping") as DateGrouping | null;
  const { site, eventKey } = resolve(entity, input, ctx.state);
  const aggregates = aggregatesFor(entity, input);
  const grouping = fieldGrouping(input);
  const filter = filters(input.filters);
  const timeZone = text(input, "timezone") ?? site.timezone;

  const dateFrom = text(input, "date_from");
  const dateTo = text(input, "date_to");
  const fromSeconds = dateFrom ? readDateParameter(dateFrom, timeZone, "start")! : ctx.firstMinute * 60;
  const toSeconds = dateTo ? readDateParameter(dateTo, timeZone, "end")! : ctx.nowMinute * 60;
  if (dateGrouping === "hour" && toSeconds - fromSeconds > HOURLY_MAX_DAYS * 86_400) {
    refuseWith(400, `Hourly date grouping is only supported for date ranges of up to ${HOURLY_MAX_DAYS} days.`);
  }

  let sort: AggregationQuery["sort"] = null;
  const sortBy = text(input, "sort_by");
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

  const limit = text(input, "limit");
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
