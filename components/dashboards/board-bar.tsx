"use client";
import type { ReactNode } from "react";
import { CopyLinkButton } from "@/components/query-builder/copy-link-button";
import { Button } from "@/components/ui/button";
import { sameScope } from "@/lib/dashboards/dashboard-url";
import type { BoardScope } from "@/lib/dashboards/tile-query";
import { BoardFilters } from "./board-filters";
import { BoardRange } from "./board-range";

type Props = {
  scope: BoardScope;
  /** The dashboard's saved scope (what "Reset" goes back to). */
  saved: BoardScope;
  onChange: (scope: BoardScope) => void;
  /** The address of this board with this scope, for "Copy link". */
  href: string;
  /** What the editor adds (its "keep these as the dashboard's own"). */
  extra?: ReactNode;
};

/**
 * One bar for the whole board: the range and filters every report tile follows unless it pins its own.
 * Changes apply at once and are written to the address, so the link shows the same board.
 */
export function BoardBar({ scope, saved, onChange, href, extra }: Props) {
  const changed = !sameScope(scope, saved);
  return (
    <section aria-label="Range and filters for every report tile" className="flex flex-col gap-3 rounded-lg border border-line bg-surface p-3 shadow-sm">
      <div className="flex flex-wrap items-start gap-x-6 gap-y-3">
        <div className="w-full sm:w-60">
          <BoardRange range={scope.range} onChange={(range) => onChange({ ...scope, range })} />
        </div>
        <div className="min-w-0 flex-1">
          <BoardFilters filters={scope.filters} onChange={(filters) => onChange({ ...scope, filters })} />
        </div>
        <div className="flex flex-wrap items-start gap-2">
          {changed ? (
            <Button variant="ghost" onClick={() => onChange(saved)}>
              Reset to the dashboard’s own
            </Button>
          ) : null}
          <CopyLinkButton key={href} href={href} />
        </div>
      </div>
      <p className="text-xs text-muted">Dates are in each site’s timezone. Tiles marked “pinned” keep their own range or filters.</p>
      {extra}
    </section>
  );
}
