/**
 * What changed between two versions of a saved report, in words a reader of its history understands
 * ("range: last 30 days → last 90 days; filter added: Page contains "/blog"; renamed: "A" → "B"").
 * Every field of the query is compared in its canonical form (so a save that only re-ordered nothing, or
 * an old version read through an upgrade, reads as what it means), named with the vocabulary's labels
 * (fathom-fields.ts, format/labels.ts) rather than Fathom's parameter names. Isomorphic and pure.
 */
import { formatDateRange } from "@/lib/format/format-date";
import { CHART_LABELS, COMPARISON_LABELS, DATE_PRESET_LABELS, GROUPING_LABELS } from "@/lib/format/labels";
import { entityLabel, fieldLabel, metricLabel, operatorLabel, sortFieldLabel } from "@/lib/query/fathom-fields";
import { upgradeReportQuery } from "@/lib/query/query-upgrade";
import { canonicalReportQuery, type StoredReportQuery } from "@/lib/query/stored-query";
import type { SavedReportVersion } from "./saved-report";

/** The parts of a version the description reads. */
export type DescribedVersion = Pick<SavedReportVersion, "name" | "description" | "query" | "restoredFrom">;

export type DescribeOptions = {
  /** A site's name for its id (the history shows "Acme blog", not "CDBUGS"); the id when unknown. */
  siteName?: (siteId: string) => string | undefined;
};

/** Words of Sounding's own labels read mid-sentence: "Last 30 days" → "last 30 days". */
function lower(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

function quoted(text: string): string {
  return `"${text}"`;
}

function rangeText(range: StoredReportQuery["range"]): string {
  return range.preset === "custom" ? formatDateRange(range.from, range.to) : lower(DATE_PRESET_LABELS[range.preset]);
}

function sortText(sort: StoredReportQuery["sort"]): string {
  if (!sort) return "none";
  if (sort.field === "timestamp") return `Date, ${sort.direction === "asc" ? "oldest first" : "newest first"}`;
  return `${sortFieldLabel(sort.field)}, ${sort.direction === "asc" ? "lowest first" : "highest first"}`;
}

type Filter = StoredReportQuery["filters"][number];

function filterText(filter: Filter): string {
  return `${fieldLabel(filter.property)} ${operatorLabel(filter.operator)} ${quoted(filter.value)}`;
}

const filterKey = (filter: Filter) => JSON.stringify([filter.property, filter.operator, filter.value]);

function listText(items: readonly string[]): string {
  return items.length === 0 ? "none" : items.join(", ");
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** Filters added and removed, compared as a set (one filter can appear twice: counted, not merged). */
function filterChanges(before: readonly Filter[], after: readonly Filter[]): string[] {
  const left = before.map(filterKey);
  const added: Filter[] = [];
  for (const filter of after) {
    const at = left.indexOf(filterKey(filter));
    if (at >= 0) left.splice(at, 1);
    else added.push(filter);
  }
  const right = after.map(filterKey);
  const removed: Filter[] = [];
  for (const filter of before) {
    const at = right.indexOf(filterKey(filter));
    if (at >= 0) right.splice(at, 1);
    else removed.push(filter);
  }
  const changes = [...added.map((filter) => `filter added: ${filterText(filter)}`), ...removed.map((filter) => `filter removed: ${filterText(filter)}`)];
  if (changes.length === 0 && !sameList(before.map(filterKey), after.map(filterKey))) changes.push("filters reordered");
  return changes;
}

/** Every difference between two readable queries, field by field, in the order the builder shows them. */
export function describeQueryChanges(before: StoredReportQuery, after: StoredReportQuery, { siteName }: DescribeOptions = {}): string[] {
  const changes: string[] = [];
  const change = (what: string, from: string, to: string) => {
    if (from !== to) changes.push(`${what}: ${from} → ${to}`);
  };
  const site = (id: string) => siteName?.(id) ?? id;

  change("site", site(before.site), site(after.site));
  change("report on", entityLabel(before.entity), entityLabel(after.entity));
  if (before.event !== after.event) {
    if (after.event === null) changes.push("event removed");
    else if (before.event === null) changes.push(`event: ${quoted(after.event)}`);
    else change("event", quoted(before.event), quoted(after.event));
  }
  change("metrics", before.metrics.map(metricLabel).join(", "), after.metrics.map(metricLabel).join(", "));
  change("range", rangeText(before.range), rangeText(after.range));
  change("date grouping", lower(GROUPING_LABELS[before.grouping]), lower(GROUPING_LABELS[after.grouping]));
  change("grouped by", listText(before.by.map(fieldLabel)), listText(after.by.map(fieldLabel)));
  changes.push(...filterChanges(before.filters, after.filters));
  change("sort", sortText(before.sort), sortText(after.sort));
  change("row limit", before.limit === null ? "none" : String(before.limit), after.limit === null ? "none" : String(after.limit));
  change("comparison", lower(COMPARISON_LABELS[before.compare]), lower(COMPARISON_LABELS[after.compare]));
  change("chart", lower(CHART_LABELS[before.chart]), lower(CHART_LABELS[after.chart]));
  return changes;
}

/** A stored query in its canonical form, or null when it no longer validates (a newer format, a metric gone). */
function readable(query: unknown): StoredReportQuery | null {
  const result = upgradeReportQuery(query);
  return result.ok ? canonicalReportQuery(result.query) : null;
}

/**
 * What `current` changed against `previous` (the version before it), as a list of phrases. The first
 * version is "created"; a restore starts with "restored version N", then what that restore changed.
 */
export function describeChangeList(current: DescribedVersion, previous: DescribedVersion | undefined, options: DescribeOptions = {}): string[] {
  if (!previous) return ["created"];
  const changes: string[] = current.restoredFrom === null ? [] : [`restored version ${current.restoredFrom}`];
  const after = readable(current.query);
  const before = readable(previous.query);
  if (!after) changes.push("query could not be read");
  else if (!before) changes.push("query repaired (the previous version's could not be read)");
  else changes.push(...describeQueryChanges(before, after, options));

  if (current.name !== previous.name) changes.push(`renamed: ${quoted(previous.name)} → ${quoted(current.name)}`);
  if (current.description !== previous.description) {
    changes.push(previous.description === "" ? "description added" : current.description === "" ? "description removed" : "description changed");
  }
  return changes.length > 0 ? changes : ["no changes"];
}

/** The same, as one line for the history: phrases joined by "; ". */
export function describeChanges(current: DescribedVersion, previous: DescribedVersion | undefined, options: DescribeOptions = {}): string {
  return describeChangeList(current, previous, options).join("; ");
}
