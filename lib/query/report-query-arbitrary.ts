/**
 * fast-check arbitraries for report queries (test support only: imported by tests, never by the app).
 * `validReportQuery` builds queries that satisfy every rule by construction, then parses them with the
 * schema so a mistake here fails loudly instead of silently testing less.
 */
import fc from "fast-check";
import { DATE_PRESETS, maxRangeDays, type DateRange } from "./date-presets";
import {
  AGGREGATES_BY_ENTITY,
  ENTITIES,
  GROUPABLE_FIELDS,
  HOURLY_MAX_DAYS,
  filterPropertySchema,
  isPatternOperator,
  operatorsFor,
  sortableFields,
} from "./fathom-fields";
import {
  CHART_KINDS,
  COMPARISONS,
  GROUPING_CHOICES,
  MAX_LIMIT,
  REPORT_QUERY_VERSION,
  regexProblem,
  reportQuerySchema,
  type ReportFilter,
  type ReportQuery,
} from "./report-query";

const wellFormed = (text: string) => /\S/.test(text) && !/\p{Cs}/u.test(text);

/** Any text a person might type, including `~ , : / & = + % #`, spaces and non-Latin scripts. */
export const anyText = (maxLength: number) =>
  fc
    .oneof(
      fc.string({ unit: "binary", minLength: 1, maxLength }),
      fc.string({ minLength: 1, maxLength }),
      fc.constantFrom("/blog", "a~b~c", "50% off & more", "x+y=z", "#hash?q=1", " padded ", "日本語", "🙂 emoji"),
    )
    .filter(wellFormed);

const isoDate = fc
  .date({ min: new Date("2015-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

const dateRange: fc.Arbitrary<DateRange> = fc.oneof(
  fc.constantFrom(...DATE_PRESETS).map((preset) => ({ preset })),
  fc.tuple(isoDate, isoDate).map(([a, b]) => ({ preset: "custom" as const, from: a < b ? a : b, to: a < b ? b : a })),
  // Short custom ranges, so hourly grouping gets exercised.
  fc.tuple(isoDate, fc.integer({ min: 0, max: 6 })).map(([from, extra]) => ({
    preset: "custom" as const,
    from,
    to: new Date(Date.parse(`${from}T00:00:00Z`) + extra * 86_400_000).toISOString().slice(0, 10),
  })),
);

const filter: fc.Arbitrary<ReportFilter> = fc
  .constantFrom(...filterPropertySchema.options)
  .chain((property) => fc.record({ property: fc.constant(property), operator: fc.constantFrom(...operatorsFor(property)) }))
  .chain(({ property, operator }) => {
    const value =
      isPatternOperator(operator)
        ? fc.oneof(fc.constantFrom("^/blog/\\d{4}/", "^/(about|contact)$", "[^/]+$"), anyText(30)).filter((v) => regexProblem(v) === null)
        : anyText(60);
    return value.map((v) => ({ property, operator, value: v }));
  });

export const validReportQuery: fc.Arbitrary<ReportQuery> = fc
  .record({
    site: fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/),
    entity: fc.constantFrom(...ENTITIES),
    range: dateRange,
    by: fc.shuffledSubarray([...GROUPABLE_FIELDS], { maxLength: 4 }),
    filters: fc.array(filter, { maxLength: 4 }),
    compare: fc.constantFrom(...COMPARISONS),
    chart: fc.constantFrom(...CHART_KINDS),
    limit: fc.option(fc.integer({ min: 1, max: MAX_LIMIT }), { nil: undefined }),
  })
  .chain((base) => {
    const groupings = GROUPING_CHOICES.filter((g) => g !== "hour" || maxRangeDays(base.range) <= HOURLY_MAX_DAYS);
    return fc.record({
      base: fc.constant(base),
      event: base.entity === "event" ? anyText(40) : fc.option(anyText(40), { nil: undefined }),
      metrics: fc.shuffledSubarray([...AGGREGATES_BY_ENTITY[base.entity]], { minLength: 1 }),
      grouping: fc.constantFrom(...groupings),
    });
  })
  .chain(({ base, event, metrics, grouping }) => {
    const sortable = sortableFields({ metrics, by: base.by, dateGrouped: grouping !== "none" });
    return fc
      .option(fc.record({ field: fc.constantFrom(...sortable), direction: fc.constantFrom("asc", "desc") }), { nil: undefined })
      .map((sort) => {
        const compare = base.range.preset === "all_time" ? "none" : base.compare;
        return reportQuerySchema.parse({
          version: REPORT_QUERY_VERSION,
          site: base.site,
          entity: base.entity,
          ...(event === undefined ? {} : { event }),
          metrics,
          range: base.range,
          grouping,
          by: base.by,
          filters: base.filters,
          ...(sort ? { sort } : {}),
          ...(base.limit === undefined ? {} : { limit: base.limit }),
          compare,
          chart: base.chart,
        });
      });
  });
