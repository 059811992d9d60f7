/**
 * The Reports page's search, filters and sort, kept in the URL (`/reports?q=blog&site=CDBUGS&sort=name`)
 * so a filtered list can be linked: read from search parameters with a schema that never throws (a
 * stale or hand-written link falls back to the defaults), written back without the defaults, and
 * applied to the list. Isomorphic and pure: the server renders the first list with it, the browser
 * every later one.
 */
import { z } from "zod";
import type { Person, SavedReportListItem } from "@/lib/reports/saved-report";

export const REPORT_LIST_SORTS = ["changed", "name", "site"] as const;
export const REPORT_LIST_SORT_LABELS: Record<(typeof REPORT_LIST_SORTS)[number], string> = {
  changed: "Last change",
  name: "Name",
  site: "Site",
};

const optional = z.string().trim().min(1).nullable().catch(null);

export const reportListOptionsSchema = z.object({
  /** Part of a report's name, any case. */
  q: z.string().catch(""),
  /** A site id. */
  site: optional,
  /** An owner's key (`ownerKey`). */
  owner: optional,
  sort: z.enum(REPORT_LIST_SORTS).catch("changed"),
});
export type ReportListOptions = z.infer<typeof reportListOptionsSchema>;

export const DEFAULT_LIST_OPTIONS: ReportListOptions = { q: "", site: null, owner: null, sort: "changed" };

const KEYS = ["q", "site", "owner", "sort"] as const;

/** The options a search string (or Next's `searchParams`) says; anything unreadable is the default. */
export function readListOptions(input: string | Record<string, string | string[] | undefined>): ReportListOptions {
  const read = (key: (typeof KEYS)[number]) => {
    if (typeof input === "string") return new URLSearchParams(input).get(key) ?? undefined;
    const value = input[key];
    return Array.isArray(value) ? value[0] : value;
  };
  return reportListOptionsSchema.parse(Object.fromEntries(KEYS.map((key) => [key, read(key)])));
}

/** The search string of the options, defaults left out: `?q=blog&sort=name`, or "" for the plain list. */
export function listOptionsSearch(options: ReportListOptions): string {
  const params = new URLSearchParams();
  if (options.q.trim() !== "") params.set("q", options.q.trim());
  if (options.site !== null) params.set("site", options.site);
  if (options.owner !== null) params.set("owner", options.owner);
  if (options.sort !== "changed") params.set("sort", options.sort);
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** How an owner is named in a filter: the user's id, or their name when the account is gone (no id). */
export function ownerKey(person: Person): string {
  return person.id === null ? `name:${person.name}` : String(person.id);
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/**
 * The reports the options ask for, in their order: names containing the search (ignoring case and
 * accents), on the site, by the owner; newest change first, or by name, or by site name then name.
 */
export function applyListOptions(
  reports: readonly SavedReportListItem[],
  options: ReportListOptions,
  siteName: (siteId: string) => string,
): SavedReportListItem[] {
  const needle = fold(options.q.trim());
  const shown = reports.filter(
    (report) =>
      (needle === "" || fold(report.name).includes(needle)) &&
      (options.site === null || report.siteId === options.site) &&
      (options.owner === null || ownerKey(report.owner) === options.owner),
  );
  const byName = (a: SavedReportListItem, b: SavedReportListItem) => collator.compare(a.name, b.name) || a.id - b.id;
  const compare: Record<ReportListOptions["sort"], (a: SavedReportListItem, b: SavedReportListItem) => number> = {
    changed: (a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || b.id - a.id,
    name: byName,
    site: (a, b) => collator.compare(siteName(a.siteId), siteName(b.siteId)) || byName(a, b),
  };
  return shown.sort(compare[options.sort]);
}

/** Lower case without accents, so "resume" finds "Résumé". */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}
