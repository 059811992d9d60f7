"use client";
import { useQuery } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, inputClass } from "@/components/ui/field";
import { MAX_MARKDOWN, TILE_SIZES, TILE_VIEWS, type Tile, type TileSize, type TileView } from "@/lib/dashboards/dashboard";
import type { SavedReport } from "@/lib/reports/saved-report";
import { savedReportsOptions } from "./dashboard-queries";
import { SIZE_LABELS, type DashboardSite } from "./tile-context";

export type TileKind = Tile["kind"];
/** A tile before it has an id (the editor gives it one), and the saved report it shows, if any. */
export type TileChoice = { tile: DistributiveOmit<Tile, "id">; report?: SavedReport };
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

const VIEW_LABELS: Record<TileView, string> = { all: "Cards, chart and table", cards: "Cards only", chart: "Chart only", table: "Table only" };
const DEFAULT_SIZE: Record<TileKind, TileSize> = { report: "medium", text: "medium", current_visitors: "small" };

type Props = {
  kind: TileKind;
  /** The tile being changed; none for a new one. */
  initial?: Tile;
  sites: readonly DashboardSite[];
  submitLabel: string;
  onSubmit: (choice: TileChoice) => void;
  onCancel: () => void;
};

/**
 * A tile's settings, for "Add a tile" and a tile's "Settings": a saved report with how it shows and what
 * it pins, a Markdown text with a character counter, or the site whose current visitors to show.
 */
export function TileForm({ kind, initial, sites, submitLabel, onSubmit, onCancel }: Props) {
  const id = useId();
  const [size, setSize] = useState<TileSize>(initial?.size ?? DEFAULT_SIZE[kind]);
  const [reportId, setReportId] = useState(initial?.kind === "report" ? String(initial.reportId) : "");
  const [view, setView] = useState<TileView>(initial?.kind === "report" ? initial.view : "all");
  const [pinRange, setPinRange] = useState(initial?.kind === "report" ? initial.pinRange : false);
  const [pinFilters, setPinFilters] = useState(initial?.kind === "report" ? initial.pinFilters : false);
  const [markdown, setMarkdown] = useState(initial?.kind === "text" ? initial.markdown : "");
  const [site, setSite] = useState(initial?.kind === "current_visitors" ? initial.site : (sites[0]?.id ?? ""));
  const [problem, setProblem] = useState<string | null>(null);
  const reports = useQuery({ ...savedReportsOptions(), enabled: kind === "report" });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (kind === "report") {
      const report = reports.data?.find((item) => String(item.id) === reportId);
      if (!report) return setProblem("Pick a saved report.");
      onSubmit({ tile: { kind, size, reportId: report.id, view, pinRange, pinFilters }, report });
    } else if (kind === "text") {
      if (markdown.length > MAX_MARKDOWN) return setProblem(`Keep the text under ${MAX_MARKDOWN.toLocaleString("en-US")} characters.`);
      onSubmit({ tile: { kind, size, markdown } });
    } else {
      if (!site) return setProblem("Pick a site.");
      onSubmit({ tile: { kind, size, site } });
    }
  }

  const check = (label: string, checked: boolean, set: (value: boolean) => void, hint: string) => (
    <label className="flex items-start gap-2 text-sm">
      <input type="checkbox" className="mt-0.5 h-4 w-4 accent-[rgb(var(--accent))]" checked={checked} onChange={(event) => set(event.target.checked)} />
      <span>
        {label} <span className="block text-xs text-muted">{hint}</span>
      </span>
    </label>
  );

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
      {kind === "report" ? (
        <>
          {reports.error ? <p className="text-sm text-bad">The saved reports could not be loaded. {reports.error.message}</p> : null}
          {reports.data && reports.data.length === 0 ? <p className="text-sm text-muted">No saved reports yet: save one in Explore first.</p> : null}
          <SelectField label="Report" value={reportId} onChange={(event) => setReportId(event.target.value)} errors={problem ? [problem] : undefined}>
            <option value="">{reports.isPending ? "Loading the saved reports…" : "Pick a saved report"}</option>
            {(reports.data ?? []).map((report) => (
              <option key={report.id} value={report.id}>
                {report.name} ({sites.find((choice) => choice.id === report.siteId)?.name ?? report.siteId})
              </option>
            ))}
          </SelectField>
          <SelectField label="Show" value={view} onChange={(event) => setView(event.target.value as TileView)}>
            {TILE_VIEWS.map((choice) => (
              <option key={choice} value={choice}>
                {VIEW_LABELS[choice]}
              </option>
            ))}
          </SelectField>
          {check("Pin the report's own range", pinRange, setPinRange, "The dashboard's date range does not apply to this tile.")}
          {check("Pin the report's own filters", pinFilters, setPinFilters, "The dashboard's filters are not added to this tile.")}
        </>
      ) : kind === "text" ? (
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-text`} className="text-sm font-medium">
            Text (Markdown)
          </label>
          <textarea
            id={`${id}-text`}
            rows={8}
            className={`${inputClass} font-mono`}
            value={markdown}
            aria-invalid={markdown.length > MAX_MARKDOWN || problem ? true : undefined}
            aria-describedby={`${id}-count ${id}-hint`}
            onChange={(event) => setMarkdown(event.target.value)}
          />
          <p id={`${id}-count`} className={`text-xs ${markdown.length > MAX_MARKDOWN ? "text-bad" : "text-muted"}`}>
            {markdown.length.toLocaleString("en-US")} of {MAX_MARKDOWN.toLocaleString("en-US")} characters
            {markdown.length > MAX_MARKDOWN ? ` — ${(markdown.length - MAX_MARKDOWN).toLocaleString("en-US")} too many` : ""}
          </p>
          <p id={`${id}-hint`} className="text-xs text-muted">
            **bold**, *italic*, # headings, lists and [links](https://example.com). Images and HTML are not shown.
          </p>
          {problem ? <p className="text-xs text-bad" role="alert">{problem}</p> : null}
        </div>
      ) : (
        <SelectField label="Site" value={site} onChange={(event) => setSite(event.target.value)} errors={problem ? [problem] : undefined}>
          {sites.length === 0 ? <option value="">No sites could be loaded</option> : null}
          {sites.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.name}
            </option>
          ))}
        </SelectField>
      )}
      <SelectField label="Size" value={size} onChange={(event) => setSize(event.target.value as TileSize)}>
        {TILE_SIZES.map((choice) => (
          <option key={choice} value={choice}>
            {SIZE_LABELS[choice]}
          </option>
        ))}
      </SelectField>
      <div className="mt-1 flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit">{submitLabel}</Button>
      </div>
    </form>
  );
}
