import type { ReactNode } from "react";

/** How a legend entry's swatch is drawn: a line (solid or dashed, as the series is) or a filled square. */
export type LegendSwatch = { color: string; shape: "line" | "square"; dash?: string };

export type LegendEntry = { key: string; swatch: LegendSwatch; label: ReactNode };

function Swatch({ color, shape, dash }: LegendSwatch) {
  if (shape === "square") return <span aria-hidden="true" className="inline-block size-2.5 shrink-0 rounded-sm" style={{ background: color }} />;
  return (
    <svg aria-hidden="true" width="20" height="8" className="shrink-0" data-dash={dash ?? "solid"}>
      <line x1="0" y1="4" x2="20" y2="4" stroke={color} strokeWidth="2" strokeDasharray={dash} />
    </svg>
  );
}

/**
 * A chart's legend in HTML, under the drawing: what each colour and dash is. Its entries can hold
 * controls (a series that filters the report when clicked), which the drawing, one image to assistive
 * technology, cannot.
 */
export function ChartLegend({ entries, label = "Legend" }: { entries: readonly LegendEntry[]; label?: string }) {
  return (
    <ul aria-label={label} className="flex flex-wrap items-center justify-center gap-x-4 gap-y-1 text-xs" data-chart-legend="">
      {entries.map((entry) => (
        <li key={entry.key} className="flex min-w-0 items-center gap-1.5" data-legend-entry={entry.key}>
          <Swatch {...entry.swatch} />
          <span className="max-w-56 min-w-0 truncate">{entry.label}</span>
        </li>
      ))}
    </ul>
  );
}
