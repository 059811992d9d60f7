/**
 * The URL is the report: a ReportQuery written as short, readable search parameters and read back.
 *
 *   ?site=CDBUGS&range=last_30_days&metrics=visits,pageviews&by=pathname&group=day
 *    &filter=pathname~is~/blog&sort=visits:desc&limit=50&compare=previous_period
 *
 * Defaults are left out (entity pageview, the entity's default metrics, last 30 days, auto grouping, no
 * comparison, automatic chart), and so is the version while it is 1: every URL written before versions
 * existed is a version 1 URL, so `v=` is written only by later versions, and read through the one upgrade
 * function (query-upgrade.ts) like a stored query; custom dates read `range=2024-01-01..2024-01-31`; a filter is
 * `property~operator~value` with spaces in the operator written as `_` (`is_not_like`), repeated for
 * several filters; the value is everything after the second `~`. Unknown parameters are ignored; broken
 * ones are reported by the path of the control at fault, never thrown. Isomorphic and pure.
 */
import { AGGREGATES_BY_ENTITY, GROUPABLE_FIELDS, aggregateSchema, entitySchema, type Aggregate } from "./fathom-fields";
import { DEFAULT_METRICS, type QueryMessages, type ReportQuery } from "./report-query";
import { upgradeReportQuery, type DecodeResult } from "./query-upgrade";

/** The version a URL without `v` is written in. Fixed forever: links already sent are version 1. */
const URL_IMPLICIT_VERSION: number = 1;

/** What a page or route hands us: a search string, URLSearchParams, or Next's `searchParams` object. */
export type SearchInput = string | URLSearchParams | Record<string, string | string[] | undefined>;

const PARAM_ORDER = ["v", "site", "entity", "event", "range", "metrics", "by", "group", "filter", "sort", "limit", "compare", "chart"] as const;

/** Keeps `, / : ~` readable in the query string (all legal there), escapes everything else. */
function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(/%2C/g, ",").replace(/%2F/g, "/").replace(/%3A/g, ":");
}

function sameList(a: readonly string[], b: readonly string[]) {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** The query's parameters, defaults left out, in a fixed order. */
export function reportQueryEntries(query: ReportQuery): Array<[string, string]> {
  const entries: Array<[string, string]> = [];
  if (query.version !== URL_IMPLICIT_VERSION) entries.push(["v", String(query.version)]);
  entries.push(["site", query.site]);
  if (query.entity !== "pageview") entries.push(["entity", query.entity]);
  if (query.event !== undefined) entries.push(["event", query.event]);
  const range = query.range.preset === "custom" ? `${query.range.from}..${query.range.to}` : query.range.preset;
  if (range !== "last_30_days") entries.push(["range", range]);
  if (!sameList(query.metrics, DEFAULT_METRICS[query.entity])) entries.push(["metrics", query.metrics.join(",")]);
  if (query.by.length > 0) entries.push(["by", query.by.join(",")]);
  if (query.grouping !== "auto") entries.push(["group", query.grouping]);
  for (const filter of query.filters) {
    entries.push(["filter", `${filter.property}~${filter.operator.replace(/ /g, "_")}~${filter.value}`]);
  }
  if (query.sort) entries.push(["sort", `${query.sort.field}:${query.sort.direction}`]);
  if (query.limit !== undefined) entries.push(["limit", String(query.limit)]);
  if (query.compare !== "none") entries.push(["compare", query.compare]);
  if (query.chart !== "auto") entries.push(["chart", query.chart]);
  return entries;
}

/** The query as a search string without the leading `?`: `site=CDBUGS&range=last_7_days&…`. */
export function encodeReportQuery(query: ReportQuery): string {
  return reportQueryEntries(query)
    .map(([key, value]) => `${key}=${encodeValue(value)}`)
    .join("&");
}

/** The same parameters as URLSearchParams (for `fetch` URLs and `router.push`). */
export function reportQuerySearchParams(query: ReportQuery): URLSearchParams {
  return new URLSearchParams(reportQueryEntries(query));
}

function toSearchParams(input: SearchInput): URLSearchParams {
  if (typeof input === "string") return new URLSearchParams(input.startsWith("?") ? input.slice(1) : input);
  if (input instanceof URLSearchParams) return input;
  const params = new URLSearchParams();
  for (const key of PARAM_ORDER) {
    const value = input[key];
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      if (typeof item === "string") params.append(key, item);
    }
  }
  return params;
}

/** A comma-separated list, possibly repeated (`by=a,b` or `by=a&by=b`); null when absent. */
function list(params: URLSearchParams, key: string): string[] | null {
  const values = params.getAll(key);
  if (values.length === 0) return null;
  return values.flatMap((value) => value.split(",")).map((item) => item.trim()).filter((item) => item !== "");
}

function quote(value: string) {
  return `“${value.length > 40 ? `${value.slice(0, 40)}…` : value}”`;
}

/** Reads a query from search parameters: the query, or every problem by the path of the control at fault. */
export function decodeReportQuery(input: SearchInput): DecodeResult {
  const params = toSearchParams(input);
  const errors: QueryMessages = {};
  const complain = (path: string, message: string) => {
    (errors[path] ??= []).push(message);
  };

  const version = params.get("v");
  if (version !== null && !/^[1-9]\d{0,2}$/.test(version)) complain("version", `${quote(version)} isn't a version of the report format`);
  const candidate: Record<string, unknown> = {
    version: version !== null && /^[1-9]\d{0,2}$/.test(version) ? Number(version) : URL_IMPLICIT_VERSION,
    site: params.get("site") ?? undefined,
    entity: params.get("entity") ?? "pageview",
    grouping: params.get("group") ?? "auto",
    compare: params.get("compare") ?? "none",
    chart: params.get("chart") ?? "auto",
  };
  const event = params.get("event");
  if (event !== null) candidate.event = event;

  const range = params.get("range") ?? "last_30_days";
  const custom = /^(.*)\.\.(.*)$/.exec(range);
  candidate.range = custom ? { preset: "custom", from: custom[1], to: custom[2] } : { preset: range };

  const entity = entitySchema.safeParse(candidate.entity);
  const metricNames = list(params, "metrics");
  if (metricNames === null) {
    candidate.metrics = [...DEFAULT_METRICS[entity.success ? entity.data : "pageview"]];
  } else {
    const known: Aggregate[] = [];
    for (const name of metricNames) {
      const metric = aggregateSchema.safeParse(name);
      if (metric.success) known.push(metric.data);
      else {
        const choices = AGGREGATES_BY_ENTITY[entity.success ? entity.data : "pageview"].join(", ");
        complain("metrics", `${quote(name)} isn't a metric — use ${choices}`);
      }
    }
    candidate.metrics = known;
  }

  const fields = list(params, "by") ?? [];
  candidate.by = fields.filter((field) => {
    if ((GROUPABLE_FIELDS as readonly string[]).includes(field)) return true;
    complain("by", `${quote(field)} can't be grouped by`);
    return false;
  });

  candidate.filters = params.getAll("filter").map((text, index) => {
    const first = text.indexOf("~");
    const second = first < 0 ? -1 : text.indexOf("~", first + 1);
    if (second < 0) {
      complain(`filters.${index}`, `Write a filter as property~operator~value, not ${quote(text)}`);
      return { property: text, operator: "is", value: "" };
    }
    return {
      property: text.slice(0, first),
      operator: text.slice(first + 1, second).replace(/_/g, " "),
      value: text.slice(second + 1),
    };
  });

  const sort = params.get("sort");
  if (sort !== null) {
    const colon = sort.lastIndexOf(":");
    candidate.sort = colon < 0 ? { field: sort, direction: "desc" } : { field: sort.slice(0, colon), direction: sort.slice(colon + 1) };
  }

  const limit = params.get("limit");
  if (limit !== null) {
    if (/^\d{1,9}$/.test(limit)) candidate.limit = Number(limit);
    else complain("limit", "The row limit is a whole number");
  }

  const upgraded = upgradeReportQuery(candidate);
  if (!upgraded.ok) {
    for (const [path, messages] of Object.entries(upgraded.errors)) {
      for (const message of messages) if (!errors[path]?.includes(message)) complain(path, message);
    }
  }
  if (!upgraded.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return upgraded;
}
