"use client";
import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { dashboardHref } from "@/lib/dashboards/dashboard-url";
import type { Dashboard } from "@/lib/dashboards/dashboard";
import type { BoardScope } from "@/lib/dashboards/tile-query";
import { formatAgo } from "@/lib/format/format-date";
import type { SavedReport } from "@/lib/reports/saved-report";
import { BoardActions } from "./board-actions";
import { BoardBar } from "./board-bar";
import { dashboardDetailOptions, type DashboardDetail } from "./dashboard-queries";
import { DashboardHistory } from "./dashboard-history";
import type { DashboardSite, TileContext } from "./tile-context";
import { TileGrid } from "./tile-grid";
import { useBoardScope } from "./use-board-scope";

/** The editor (drag and drop, forms) is for editors only, and only once they press "Edit". */
const loadEditor = () => import("./dashboard-editor").then((module) => module.DashboardEditor);
const DashboardEditor = dynamic(loadEditor, {
  ssr: false,
  loading: () => (
    <p role="status" className="text-sm text-muted">
      Opening the editor…
    </p>
  ),
});

export type DashboardBoardProps = {
  initial: DashboardDetail;
  sites: DashboardSite[];
  canEdit: boolean;
  /** Why site names and timezones are missing, when they are (tiles still show, in UTC). */
  sitesProblem?: string;
};

/**
 * /dashboards/[id] in the browser: the board's range and filters in the address, every tile at once,
 * and for editors "Edit" (the lazily loaded editor), "Duplicate", "Delete" and restoring from history.
 */
export function DashboardBoard({ initial, sites, canEdit, sitesProblem }: DashboardBoardProps) {
  const id = initial.dashboard.id;
  const { data } = useQuery({ ...dashboardDetailOptions(id), initialData: initial });
  const { dashboard } = data;
  // Reports picked for new tiles while editing, known before the board is saved and read again.
  const [picked, setPicked] = useState<SavedReport[]>([]);
  const reports = useMemo(() => new Map([...data.reports, ...picked].map((report) => [report.id, report])), [data.reports, picked]);
  const siteMap = useMemo(() => new Map(sites.map((site) => [site.id, site])), [sites]);
  const saved = useMemo<BoardScope>(() => ({ range: dashboard.layout.range, filters: dashboard.layout.filters }), [dashboard.layout]);
  const { scope, messages, setScope } = useBoardScope(saved);
  const [editing, setEditing] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      editButton.current?.focus();
    }
  }, [editing]);

  const ctx = useMemo<TileContext>(() => ({ scope, reports, sites: siteMap, editing: false }), [scope, reports, siteMap]);
  const href = dashboardHref(id, scope, saved);
  const onPickReport = useCallback((report: SavedReport) => setPicked((list) => [...list.filter((item) => item.id !== report.id), report]), []);
  const names = useMemo(
    () => ({ reportName: (reportId: number) => reports.get(reportId)?.name, siteName: (siteId: string) => siteMap.get(siteId)?.name }),
    [reports, siteMap],
  );

  const bar = (extra?: ReactNode) => <BoardBar scope={scope} saved={saved} onChange={setScope} href={href} extra={extra} />;
  const notices = (
    <>
      {savedVersion !== null ? <Notice tone="success">Saved as version {savedVersion}.</Notice> : null}
      {sitesProblem ? <Notice tone="warn">{sitesProblem}</Notice> : null}
      {messages.length > 0 && !dismissed ? (
        <Notice tone="warn" className="flex items-start justify-between gap-3">
          <span>{messages.join(" ")}</span>
          <button type="button" className="shrink-0 text-xs underline" onClick={() => setDismissed(true)}>
            Dismiss
          </button>
        </Notice>
      ) : null}
    </>
  );

  return (
    <div className="flex flex-col gap-4">
      {editing ? (
        <DashboardEditor
          dashboard={dashboard}
          reports={reports}
          sites={siteMap}
          scope={scope}
          renderBar={bar}
          onPickReport={onPickReport}
          onClose={(result) => {
            returnFocus.current = true;
            setSavedVersion(result ? result.version : null);
            setEditing(false);
          }}
        />
      ) : (
        <>
          <BoardHeader dashboard={dashboard}>
            {canEdit ? (
              <>
                <button
                  ref={editButton}
                  type="button"
                  className={buttonClass("primary")}
                  onClick={() => {
                    setSavedVersion(null);
                    setEditing(true);
                  }}
                  onPointerEnter={() => void loadEditor()}
                  onFocus={() => void loadEditor()}
                >
                  Edit
                </button>
                <BoardActions id={id} name={dashboard.name} />
              </>
            ) : null}
          </BoardHeader>
          {notices}
          {bar()}
          <TileGrid
            tiles={dashboard.layout.tiles}
            ctx={ctx}
            emptyText={canEdit ? "This dashboard has no tiles yet. Press “Edit” to add the first." : "This dashboard has no tiles yet."}
          />
        </>
      )}
      <DashboardHistory id={id} currentVersion={dashboard.version} canRestore={canEdit && !editing} names={names} />
    </div>
  );
}

function BoardHeader({ dashboard, children }: { dashboard: Dashboard; children: ReactNode }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div className="min-w-0">
        <h1 className="text-2xl font-semibold tracking-tight break-words">{dashboard.name}</h1>
        {dashboard.description ? <p className="mt-1 text-sm whitespace-pre-line text-muted">{dashboard.description}</p> : null}
        <p className="mt-1 text-xs text-muted">
          Last changed by {dashboard.updatedBy.name},{" "}
          <time dateTime={dashboard.updatedAt} suppressHydrationWarning>
            {formatAgo(dashboard.updatedAt, new Date())}
          </time>
        </p>
      </div>
      <div className="flex flex-wrap gap-2">{children}</div>
    </div>
  );
}
