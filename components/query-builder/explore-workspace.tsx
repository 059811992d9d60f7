"use client";
import { Collapsible } from "radix-ui";
import { useMemo, useState, useSyncExternalStore } from "react";
import dynamic from "next/dynamic";
import type { ChartAction } from "@/components/report/chart-action";
import { ReportSkeleton } from "@/components/report/report-skeleton";
import { useReportRun } from "@/components/report/use-report-run";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { ExploreSaveBar, type ExploreSaveBarProps } from "@/components/saved-reports/explore-save-bar";
import { findSite, withFilter } from "@/lib/query/query-edits";
import { queryMessages, type ReportFilter, type ReportQuery } from "@/lib/query/report-query";
import { encodeReportQuery } from "@/lib/query/url-codec";
import { reportLink } from "@/lib/reports/report-links";
import { BrokenReportUrl } from "./broken-report-url";
import { siteTimezone, type BuilderSite } from "./builder-site";
import { CopyLinkButton } from "./copy-link-button";
import { QueryBuilder } from "./query-builder";
import { RunCost } from "./run-cost";
import { sameReport } from "./report-url-state";
import { useReportUrl } from "./use-report-url";

/**
 * The results and the live panel draw with recharts, the heaviest library on the page: they load beside
 * the first report's request instead of before the builder can be used (both only render in the browser).
 */
const ReportPanel = dynamic(() => import("@/components/report/report-panel").then((module) => module.ReportPanel), {
  ssr: false,
  loading: () => <ReportSkeleton cards={4} />,
});
const CurrentVisitorsPanel = dynamic(
  () => import("@/components/current-visitors/current-visitors-panel").then((module) => module.CurrentVisitorsPanel),
  { ssr: false },
);
/** The milestone writer is loaded only for editors, and only once their chart is drawn. */
const AddMilestoneFromChart = dynamic(
  () => import("@/components/milestones/add-milestone-dialog").then((module) => module.AddMilestoneFromChart),
  { ssr: false },
);

export type ExploreWorkspaceProps = {
  sites: BuilderSite[];
  /** The report the server decoded from the URL the page was opened with. */
  initialQuery: ReportQuery;
  /** Viewers can't add milestones from the chart; editors and admins can. */
  canAddMilestones: boolean;
  /** Saving: who may, and the saved report the address names (`?report=12`); no save bar without it. */
  saving?: Omit<ExploreSaveBarProps, "draft" | "onSaved">;
};

/**
 * Phones and narrow windows: the results come first, the builder folded behind "Edit the report" at the
 * top (one tap away), and folded again after Run.
 */
const NARROW = "(max-width: 1023px)";
/** A touch screen: a tap on the chart reads a value there; with a mouse or trackpad a click adds a milestone. */
const COARSE_POINTER = "(pointer: coarse)";

function matches(query: string): boolean {
  return typeof window !== "undefined" && Boolean(window.matchMedia?.(query).matches);
}

/**
 * Whether a media query matches, following changes; `onServer` while the server draws and the page
 * hydrates (useSyncExternalStore draws the server's answer first, then the browser's).
 */
function useMedia(query: string, onServer: boolean): boolean {
  return useSyncExternalStore(
    (changed) => {
      const list = typeof window !== "undefined" ? window.matchMedia?.(query) : undefined;
      list?.addEventListener("change", changed);
      return () => list?.removeEventListener("change", changed);
    },
    () => (typeof window !== "undefined" && "matchMedia" in window ? matches(query) : onServer),
    () => onServer,
  );
}

/**
 * /explore in the browser: the address bar holds the report (Run adds a history entry, Back and Forward
 * walk through earlier reports and run them again), the builder edits a draft of it, and the results
 * follow the address bar.
 */
export function ExploreWorkspace({ sites, initialQuery, canAddMilestones, saving }: ExploreWorkspaceProps) {
  const { state, push } = useReportUrl(`?${encodeReportQuery(initialQuery)}`, sites[0]?.id);
  const submitted = state.ok ? state.query : null;
  const submittedKey = submitted ? encodeReportQuery(submitted) : "";

  // The draft follows the address bar whenever it changes (Run, Back, Forward), and the builder's edits otherwise.
  const [draft, setDraft] = useState<ReportQuery>(submitted ?? initialQuery);
  const [draftOf, setDraftOf] = useState(submittedKey);
  if (submitted && draftOf !== submittedKey) {
    setDraftOf(submittedKey);
    setDraft(submitted);
  }
  // Until someone opens or closes it, the builder is open on a wide screen and folded on a phone (the
  // server draws the wide layout; a phone folds it once hydrated).
  const narrow = useMedia(NARROW, false);
  const [builderChoice, setBuilderOpen] = useState<boolean | null>(null);
  const builderOpen = builderChoice ?? !narrow;
  const finePointer = !useMedia(COARSE_POINTER, false);

  const site = submitted ? findSite(sites, submitted.site) : undefined;
  const timezone = siteTimezone(site);
  // The panel runs the same report (one request between them); here it starts beside the panel's code
  // loading, and tells the builder whether it is running.
  const report = useReportRun(submitted ?? initialQuery, { timezone, enabled: Boolean(submitted && site), solo: true });

  const siteId = site?.id;
  const chartAction = useMemo<ChartAction | undefined>(
    () =>
      canAddMilestones && siteId && finePointer
        ? { hint: "Click to add a milestone here", render: (context) => <AddMilestoneFromChart siteId={siteId} {...context} /> }
        : undefined,
    [canAddMilestones, siteId, finePointer],
  );

  // A value clicked on the report (a row, a bar, a legend entry) filters it: a new address, so Back undoes it.
  function filterOn(filter: ReportFilter) {
    if (submitted) push(withFilter(submitted, filter));
  }

  function run(query: ReportQuery) {
    if (submitted && sameReport(query, submitted)) report.retry();
    else push(query);
    if (matches(NARROW)) setBuilderOpen(false);
  }

  // The builder holds edits not yet run: the report shown is not what the builder says.
  const edited = submitted !== null && !sameReport(draft, submitted);
  const draftRunnable = edited && Object.keys(queryMessages(draft)).length === 0;

  const header = (
    <PageHeader
      title="Explore"
      description="Build any report the Fathom API can answer. The address is the report: copy it to share it."
      actions={submitted && site ? <CopyLinkButton key={submittedKey} href={reportLink(submitted)} edited={edited} /> : undefined}
    />
  );

  if (!submitted) {
    return (
      <>
        {header}
        <BrokenReportUrl errors={state.ok ? {} : state.errors} />
      </>
    );
  }
  if (!site) {
    return (
      <>
        {header}
        <BrokenReportUrl errors={{ site: [`This link is for a site (${submitted.site}) that your Fathom account doesn't have.`] }} />
      </>
    );
  }

  return (
    <>
      {header}
      {saving ? <ExploreSaveBar {...saving} draft={draft} onSaved={push} /> : null}
      <div className="grid gap-6 lg:grid-cols-[20rem_minmax(0,1fr)]">
        <Collapsible.Root open={builderOpen} onOpenChange={setBuilderOpen} className="flex flex-col gap-2" data-print="hide">
          <Collapsible.Trigger className="self-start rounded-md border border-line bg-surface px-3 py-1.5 text-sm lg:hidden">
            {builderOpen ? "Hide the builder" : "Edit the report"}
          </Collapsible.Trigger>
          <Collapsible.Content forceMount className="data-[state=closed]:hidden lg:data-[state=closed]:block">
            <Card>
              <QueryBuilder value={draft} onChange={setDraft} onRun={run} sites={sites} running={report.isFetching} />
              <div className="mt-3">
                {/* Keyed by the report shown and whether it is drawn: a finished run fills the cache, so the cost is asked again. */}
                <RunCost query={draft} shownKey={`${submittedKey}|${report.isFetching ? "running" : "shown"}`} />
              </div>
            </Card>
          </Collapsible.Content>
        </Collapsible.Root>
        <div className="flex min-w-0 flex-col gap-4" data-outdated={edited || undefined}>
          {edited ? (
            <Notice tone="warn" className="flex flex-wrap items-center justify-between gap-2">
              <span>
                The builder has changes that aren&apos;t run yet: the figures below are for the report last run
                {draftRunnable ? "." : ", and the builder's changes need fixing before they can run."}
              </span>
              {draftRunnable ? (
                <Button variant="secondary" onClick={() => run(draft)}>
                  Run the changes
                </Button>
              ) : null}
            </Notice>
          ) : null}
          <CurrentVisitorsPanel siteId={site.id} siteName={site.name} detailed={false} />
          {/* The panel carries data-report-key and data-report-state itself, so "ready" means drawn
              (it loads lazily: a skeleton without them stands in until then). */}
          <ReportPanel panelId="explore" query={submitted} timezone={timezone} chartAction={chartAction} onFilter={filterOn} solo />
        </div>
      </div>
    </>
  );
}
