import type { ReactNode } from "react";

/**
 * A chart's box on a report: a region named by its heading (h2 on its own, h3 under a panel's heading),
 * with the chart's own controls, if any, beside the heading.
 */
export function ChartCard({ title, titleLevel, actions, children }: { title: string; titleLevel: 2 | 3; actions?: ReactNode; children: ReactNode }) {
  const Title = titleLevel === 3 ? "h3" : "h2";
  return (
    <section aria-label={title} className="flex flex-col gap-2 rounded-lg border border-line bg-surface p-3 sm:p-4">
      {actions ? (
        <div className="flex flex-wrap items-center justify-between gap-2">
          <Title className="text-base font-semibold">{title}</Title>
          {actions}
        </div>
      ) : (
        <Title className="text-base font-semibold">{title}</Title>
      )}
      {children}
    </section>
  );
}
