import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  AGGREGATES,
  AGGREGATES_BY_ENTITY,
  ENTITIES,
  FILTER_OPERATORS,
  FILTER_PROPERTIES,
  GROUPABLE_FIELDS,
  entityLabel,
  fieldLabel,
  foreignMetric,
  isSortable,
  metricInfo,
  metricLabel,
  operatorLabel,
  operatorsFor,
  sortFieldLabel,
  sortableFields,
} from "./fathom-fields";

// The verbatim copy of the Fathom API reference the contract tests replay (shared/fathom-api/reference.md).
const reference = readFileSync(path.join(__dirname, "../fathom/testdata/reference.md"), "utf8");

describe("Fathom's vocabulary", () => {
  it("groups by exactly the fields the reference lists for field_grouping, in its order", () => {
    const line = reference.split("\n").find((text) => text.includes("`field_grouping`"))!;
    const listed = [...line.slice(line.indexOf("Supported values")).matchAll(/`([a-z_]+)`/g)].map((match) => match[1]);
    expect([...GROUPABLE_FIELDS]).toEqual(listed);
  });

  it("filters on the reference's fields, all six operators on text fields and is / is not on categorical ones", () => {
    const text = ["domain", "hostname", "pathname", "referrer_hostname", "referrer_pathname", "referrer_source", "ref", "utm_campaign", "utm_source", "utm_medium", "utm_content", "utm_term"] as const;
    const categorical = ["device_type", "operating_system", "browser", "country_code", "city", "state", "region"] as const;
    expect([...FILTER_PROPERTIES].sort()).toEqual([...text, ...categorical].sort());
    for (const field of text) expect(operatorsFor(field)).toEqual(FILTER_OPERATORS);
    for (const field of categorical) expect(operatorsFor(field)).toEqual(["is", "is not"]);
    expect(FILTER_PROPERTIES).not.toContain("keyword");
    expect(GROUPABLE_FIELDS).not.toContain("domain");
  });

  it("gives each entity its own metrics and names a metric of the other entity", () => {
    expect(AGGREGATES_BY_ENTITY.pageview).toEqual(["visits", "uniques", "pageviews", "avg_duration", "bounce_rate"]);
    expect(AGGREGATES_BY_ENTITY.event).toEqual(["conversions", "unique_conversions", "value"]);
    for (const metric of AGGREGATES) expect(AGGREGATES_BY_ENTITY[metricInfo(metric).entity]).toContain(metric);
    expect(foreignMetric("pageview", ["visits", "value"])).toBe("value");
    expect(foreignMetric("event", ["conversions", "value"])).toBeUndefined();
  });

  it("has one distinct label for every metric, field and operator", () => {
    const metricLabels = AGGREGATES.map(metricLabel);
    const fieldLabels = [...new Set([...GROUPABLE_FIELDS, ...FILTER_PROPERTIES])].map(fieldLabel);
    const operatorLabels = FILTER_OPERATORS.map(operatorLabel);
    for (const labels of [metricLabels, fieldLabels, operatorLabels]) {
      expect(new Set(labels).size).toBe(labels.length);
      for (const label of labels) expect(label).toMatch(/^\S.*\S$|^\S$/);
    }
    expect(metricLabel("uniques")).toBe("Unique visitors");
    expect(ENTITIES.map(entityLabel)).toEqual(["Pageviews", "Events"]);
    expect(metricInfo("bounce_rate").upIsGood).toBe(false);
    expect(metricInfo("uniques").additive).toBe(false);
  });

  it("sorts by a chosen metric or grouping, and by time only with a date grouping", () => {
    const report = { metrics: ["visits", "pageviews"] as const, by: ["pathname"] as const, dateGrouped: false };
    expect(sortableFields({ ...report, metrics: [...report.metrics], by: [...report.by] })).toEqual(["visits", "pageviews", "pathname"]);
    expect(isSortable("pathname", { ...report, metrics: [...report.metrics], by: [...report.by] })).toBe(true);
    expect(isSortable("uniques", { ...report, metrics: [...report.metrics], by: [...report.by] })).toBe(false);
    expect(isSortable("timestamp", { metrics: ["visits"], by: [], dateGrouped: false })).toBe(false);
    expect(isSortable("timestamp", { metrics: ["visits"], by: [], dateGrouped: true })).toBe(true);
  });
});

describe("sortFieldLabel", () => {
  it("names a sort by the metric's or field's own label, and the bucket time as Date", () => {
    expect(sortFieldLabel("uniques")).toBe("Unique visitors");
    expect(sortFieldLabel("referrer_hostname")).toBe("Referrer host");
    expect(sortFieldLabel("timestamp")).toBe("Date");
  });
});
