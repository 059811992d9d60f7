"use client";
import type { ReactNode } from "react";
import { ResponsiveContainer } from "recharts";

/** The size a chart draws at before its container is measured (and in tests, where nothing is). */
export const INITIAL_CHART_SIZE = { width: 640, height: 288 };

/**
 * A chart's box: the drawing is one image named by `summary` (its parts are not read out one by one;
 * the table beside it has every figure), sized by its container so it fits a phone.
 */
export function ChartFrame({ summary, height = INITIAL_CHART_SIZE.height, children }: { summary: string; height?: number; children: ReactNode }) {
  return (
    <div role="img" aria-label={summary} className="w-full min-w-0" style={{ height }}>
      {/* The drawing's own parts (an <svg> reads as an image of its own) stay out of the accessibility tree. */}
      <div aria-hidden="true" className="h-full w-full">
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: INITIAL_CHART_SIZE.width, height }}>
          {children}
        </ResponsiveContainer>
      </div>
    </div>
  );
}
