"use client";
import type { ReactNode } from "react";
import { useHorizontalOverflow } from "./use-horizontal-overflow";

/**
 * The table's scrolling box. When columns are out of sight to the right (a phone shows two or three), its
 * right edge fades and a hint says so, until the reader has scrolled to the end; the box takes keyboard
 * focus then, so arrow keys scroll it too.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const [ref, { overflows, atEnd }] = useHorizontalOverflow<HTMLDivElement>();
  const more = overflows && !atEnd;
  return (
    <div className="flex flex-col gap-1" data-table-overflow={overflows ? (atEnd ? "end" : "more") : "none"}>
      {more ? (
        <p className="self-end text-xs text-muted" aria-hidden="true" data-scroll-hint="" data-print="hide">
          Scroll for more columns →
        </p>
      ) : null}
      <div className="relative">
        <div
          ref={ref}
          // Focusable only when there is something to scroll to.
          tabIndex={overflows ? 0 : undefined}
          role={overflows ? "region" : undefined}
          aria-label={overflows ? label : undefined}
          className="max-h-[32rem] overflow-auto rounded-lg border border-line bg-surface focus-visible:outline-2 focus-visible:outline-accent"
        >
          {children}
        </div>
        {more ? (
          <div aria-hidden="true" data-print="hide" className="pointer-events-none absolute inset-y-px right-px z-20 w-10 rounded-r-lg bg-linear-to-l from-surface to-transparent" />
        ) : null}
      </div>
    </div>
  );
}
