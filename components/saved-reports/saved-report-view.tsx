"use client";
import dynamic from "next/dynamic";
import { ReportSkeleton } from "@/components/report/report-skeleton";
import type { ReportQuery } from "@/lib/query/report-query";

/**
 * The panel draws with recharts and runs its query in the browser (as on Explore): it loads beside the
 * page instead of before it, and only renders in the browser, so the server's HTML and the first render agree.
 */
const ReportPanel = dynamic(() => import("@/components/report/report-panel").then((module) => module.ReportPanel), {
  ssr: false,
  loading: () => <ReportSkeleton cards={4} />,
});

/** A saved report, read-only: its cards, chart and table, run in the site's timezone. */
export function SavedReportView({ reportId, query, timezone }: { reportId: number; query: ReportQuery; timezone: string | null }) {
  return <ReportPanel panelId={`saved-report-${reportId}`} query={query} timezone={timezone} solo />;
}
