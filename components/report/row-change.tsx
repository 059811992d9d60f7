"use client";
import type { RowChange } from "@/lib/reports/row-changes";
import { TONE_CLASS } from "./metric-cards";

/**
 * A row's change beside its figure: "▲ 12%" coloured by whether it is good news, "new", or "—" when the
 * row was not in the comparison's top N; what it means in words for screen readers.
 */
export function RowChangeBadge({ change }: { change: RowChange }) {
  if (change.kind === "unknown") {
    return (
      <span className="ml-1.5 text-xs text-muted" title={change.title} data-row-change="unknown">
        <span aria-hidden="true">—</span>
        <span className="sr-only">, {change.spoken}</span>
      </span>
    );
  }
  if (change.kind === "new") {
    return (
      <span className="ml-1.5 text-xs font-medium text-muted" data-row-change="new">
        <span aria-hidden="true">new</span>
        <span className="sr-only">, {change.spoken}</span>
      </span>
    );
  }
  const arrow = change.direction === null || change.direction === 0 ? "" : change.direction > 0 ? "▲ " : "▼ ";
  return (
    <span className={`ml-1.5 text-xs font-medium ${TONE_CLASS[change.tone]}`} data-row-change="change" data-tone={change.tone}>
      <span aria-hidden="true">
        {arrow}
        {change.text}
      </span>
      <span className="sr-only">, {change.spoken}</span>
    </span>
  );
}
