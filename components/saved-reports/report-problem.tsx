import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { savedReportExploreHref } from "@/lib/reports/report-links";
import { DeleteReportAction } from "./delete-report-action";
import type { ReportDiagnosis } from "./diagnose-report";

type Broken = Extract<ReportDiagnosis, { ok: false }>;

type Props = {
  diagnosis: Broken;
  reportId: number;
  name: string;
  /** Editors and admins get the fixes; viewers are told who can fix it. */
  canEdit: boolean;
  /** Whether an older version exists to restore. */
  hasOlderVersions: boolean;
};

const link = "font-medium underline";

function Explanation({ diagnosis }: { diagnosis: Broken }) {
  switch (diagnosis.kind) {
    case "unreadable":
      return (
        <>
          <p className="font-medium">This report can&apos;t be shown: its saved query can&apos;t be read.</p>
          <ul className="mt-1 list-disc pl-5">
            {diagnosis.messages.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
          {diagnosis.salvage && diagnosis.salvage.dropped.length > 0 ? (
            <p className="mt-1">Explore can open it without {diagnosis.salvage.dropped.join(", ")}.</p>
          ) : null}
        </>
      );
    case "site-gone":
      return (
        <p>
          <span className="font-medium">This report is for a site ({diagnosis.query.site}) that is no longer on this Fathom account.</span> It may have been
          deleted in Fathom, or the token no longer sees it.
        </p>
      );
    case "event-gone":
      return (
        <p>
          <span className="font-medium">
            The event “{diagnosis.event}” is no longer on {diagnosis.site.name}.
          </span>{" "}
          It was deleted or renamed in Fathom, so this report has nothing to show. Pick another event for it in Explore.
        </p>
      );
  }
}

/** Where Explore can take this report to be fixed: what can be kept of it, or the same report on another site. */
function fixLinks(diagnosis: Broken, reportId: number): Array<{ href: string; label: string }> {
  switch (diagnosis.kind) {
    case "unreadable":
      return diagnosis.salvage ? [{ href: savedReportExploreHref(reportId, diagnosis.salvage.query), label: "Edit in Explore with what can be kept" }] : [];
    case "event-gone":
      return [{ href: savedReportExploreHref(reportId, diagnosis.query), label: "Pick another event in Explore" }];
    case "site-gone":
      return diagnosis.sites.slice(0, 6).map((site) => ({
        // The event (if any) is kept by name: the builder says so if the other site has none of that name.
        href: savedReportExploreHref(reportId, { ...diagnosis.query, site: site.id }),
        label: `Edit in Explore on ${site.name}`,
      }));
  }
}

/**
 * A saved report that cannot be shown as saved: what is wrong, in words, and the ways to fix it (Explore
 * with what can be kept, an older version from the history, or deleting it), never a crash or a bare error.
 */
export function ReportProblem({ diagnosis, reportId, name, canEdit, hasOlderVersions }: Props) {
  const links = fixLinks(diagnosis, reportId);
  return (
    <Notice tone="warn" className="flex flex-col gap-3">
      <div>
        <Explanation diagnosis={diagnosis} />
        {diagnosis.kind === "unreadable" && diagnosis.salvage === null ? (
          <p className="mt-1">Nothing of it can be opened in this version of Sounding.</p>
        ) : null}
      </div>
      {canEdit ? (
        <>
          <p>
            To fix it{links.length > 0 ? ", open it in Explore and save it there" : ""}
            {hasOlderVersions ? (
              <>
                {links.length > 0 ? ", or " : ", "}restore an older version from its{" "}
                <a href="#history" className={link}>
                  history
                </a>
              </>
            ) : null}
            , or delete it.
          </p>
          <div className="flex flex-wrap items-start gap-2">
            {links.map((fix) => (
              <a key={fix.href} href={fix.href} className={buttonClass("secondary")}>
                {fix.label}
              </a>
            ))}
            <DeleteReportAction reportId={reportId} name={name} />
          </div>
        </>
      ) : (
        <p>An editor can fix it: ask one to open this page.</p>
      )}
    </Notice>
  );
}
