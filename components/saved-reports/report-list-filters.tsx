"use client";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { DEFAULT_LIST_OPTIONS, REPORT_LIST_SORTS, REPORT_LIST_SORT_LABELS, type ReportListOptions } from "./report-list-options";

export type FilterChoice = { value: string; label: string };

type Props = {
  /** The options on screen; `q` is the search as typed (the address follows it a moment later). */
  options: ReportListOptions;
  onQueryChange: (query: string) => void;
  onChange: (next: ReportListOptions) => void;
  sites: FilterChoice[];
  owners: FilterChoice[];
};

/**
 * Search, filters and sort for the Reports page, each a labelled control. It is a GET form, so it
 * works as a plain link-making form before the page's JavaScript runs; after that, every change applies
 * at once and Enter does nothing more.
 */
export function ReportListFilters({ options, onQueryChange, onChange, sites, owners }: Props) {
  const id = useId();
  const query = options.q;
  const filtered = query.trim() !== "" || options.site !== null || options.owner !== null;
  return (
    <form
      role="search"
      aria-labelledby={`${id}-title`}
      method="get"
      action="/reports"
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto] lg:items-end"
      onSubmit={(event) => event.preventDefault()}
    >
      <h2 id={`${id}-title`} className="sr-only">
        Find a saved report
      </h2>
      <Field label="Search by name" type="search" name="q" value={query} autoComplete="off" onChange={(event) => onQueryChange(event.target.value)} />
      <SelectField label="Site" name="site" value={options.site ?? ""} onChange={(event) => onChange({ ...options, site: event.target.value || null })}>
        <option value="">All sites</option>
        {sites.map((site) => (
          <option key={site.value} value={site.value}>
            {site.label}
          </option>
        ))}
      </SelectField>
      <SelectField label="Owner" name="owner" value={options.owner ?? ""} onChange={(event) => onChange({ ...options, owner: event.target.value || null })}>
        <option value="">Anyone</option>
        {owners.map((owner) => (
          <option key={owner.value} value={owner.value}>
            {owner.label}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Sort by"
        name="sort"
        value={options.sort}
        onChange={(event) => onChange({ ...options, sort: event.target.value as ReportListOptions["sort"] })}
      >
        {REPORT_LIST_SORTS.map((sort) => (
          <option key={sort} value={sort}>
            {REPORT_LIST_SORT_LABELS[sort]}
          </option>
        ))}
      </SelectField>
      <Button variant="secondary" disabled={!filtered} onClick={() => onChange({ ...DEFAULT_LIST_OPTIONS, sort: options.sort })}>
        Clear filters
      </Button>
    </form>
  );
}
