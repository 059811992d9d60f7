"use client";
import { useId, useMemo, useState, useSyncExternalStore, type KeyboardEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { queryMessages, type ReportFilter, type ReportQuery } from "@/lib/query/report-query";
import { allMessages, withoutFilterRows, type BuilderSectionProps } from "./builder-messages";
import { siteTimezone, type BuilderSite } from "./builder-site";
import { DateRangePicker } from "./date-range-picker";
import { DisplaySection } from "./display-section";
import { FilterRows } from "./filter-rows";
import { GroupingSection } from "./grouping-section";
import { MetricToggles } from "./metric-toggles";
import { findSite } from "@/lib/query/query-edits";
import { SortLimitSection } from "./sort-limit-section";
import { SourceSection } from "./source-section";

export type QueryBuilderProps = {
  /** The query being edited (controlled). */
  value: ReportQuery;
  onChange: (next: ReportQuery) => void;
  /** Runs the query; only ever called with a query that passes every rule. */
  onRun: (query: ReportQuery) => void;
  sites: readonly BuilderSite[];
  /** A report is being fetched: said beside Run, which stays usable (a new Run replaces it). */
  running?: boolean;
};

/** True for Ctrl+Enter, and Cmd+Enter on a Mac. */
export function isRunShortcut(event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey">): boolean {
  return event.key === "Enter" && (event.ctrlKey || event.metaKey);
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-3 border-t border-line pt-3 first:border-t-0 first:pt-0" aria-label={title}>
      {children}
    </section>
  );
}

const subscribeNever = () => () => {};

/** False in the server's HTML and during hydration, true once React runs the page in the browser. */
function useHydrated(): boolean {
  return useSyncExternalStore(subscribeNever, () => true, () => false);
}

/**
 * The report builder, controlled like Grafana's query editors: `value`, `onChange` and a separate Run.
 * Every rule lib/query knows is checked on each change: its message shows beside the control at fault,
 * and Run refuses (aria-disabled, so it keeps the focus, with the reasons listed beside it) until the
 * query is one Fathom will accept. Ctrl/Cmd+Enter anywhere in the builder runs it; so does Enter in a
 * text field.
 *
 * A filter row just added, not yet touched, is not a mistake yet (see FilterRows): its messages are kept
 * out of the summary too, and Run does not look refused for it. Trying to run (Run, Ctrl/Cmd+Enter, Enter)
 * shows them all, until the query is valid again.
 */
export function QueryBuilder({ value, onChange, onRun, sites, running = false }: QueryBuilderProps) {
  const id = useId();
  const messages = useMemo(() => queryMessages(value), [value]);
  /** What every section gets. */
  const section: BuilderSectionProps = { value, onChange, messages };
  const valid = allMessages(messages).length === 0;
  const [attempted, setAttempted] = useState(false);
  const [untouched, setUntouched] = useState<ReadonlySet<ReportFilter>>(() => new Set());
  // Valid again: the attempt is over, and a row added next waits to be touched like any new one.
  if (attempted && valid) setAttempted(false);
  const quietRows = attempted ? [] : value.filters.flatMap((filter, index) => (untouched.has(filter) ? [index] : []));
  /** What the summary lists and Run refuses for: every problem the controls show. */
  const problems = allMessages(withoutFilterRows(messages, quietRows));
  const refused = problems.length > 0;
  const timezone = siteTimezone(findSite(sites, value.site));
  // A control changed before hydration would be reset by React: keep them disabled until then.
  const hydrated = useHydrated();

  function run() {
    if (valid) onRun(value);
    else setAttempted(true);
  }

  return (
    <form
      aria-label="Report builder"
      noValidate
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        run();
      }}
      onKeyDown={(event) => {
        if (isRunShortcut(event)) {
          event.preventDefault();
          run();
        }
      }}
    >
      <fieldset disabled={!hydrated} className="contents">
        <Section title="Data">
          <SourceSection {...section} sites={sites} />
          <MetricToggles {...section} />
        </Section>
        <Section title="Dates">
          <DateRangePicker {...section} timezone={timezone} />
        </Section>
        <Section title="Grouping">
          <GroupingSection {...section} />
        </Section>
        <Section title="Filters">
          <FilterRows {...section} revealMessages={attempted} onUntouchedChange={setUntouched} />
        </Section>
        <Section title="Rows">
          <SortLimitSection {...section} />
        </Section>
        <Section title="Display">
          <DisplaySection {...section} />
        </Section>
      </fieldset>
      <div className="sticky bottom-0 flex flex-col gap-1 border-t border-line bg-surface pt-3">
        <Button
          type="submit"
          disabled={!hydrated}
          aria-disabled={refused || undefined}
          aria-describedby={refused ? `${id}-problems` : `${id}-shortcut`}
          className="aria-disabled:cursor-not-allowed aria-disabled:opacity-50"
        >
          Run report
        </Button>
        <p id={`${id}-shortcut`} className="text-center text-xs text-muted">
          or press Ctrl+Enter (⌘+Enter on a Mac)
        </p>
        <p role="status" className="text-center text-xs text-muted">
          {running ? "Running the report…" : ""}
        </p>
        <div id={`${id}-problems`} aria-live="polite" className="text-xs text-bad">
          {refused ? (
            <>
              <p className="font-medium">Fix this to run the report:</p>
              <ul className="list-disc pl-4">
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      </div>
    </form>
  );
}
