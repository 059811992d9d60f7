"use client";
import { Area, AreaChart, Tooltip, XAxis, YAxis } from "recharts";
import { historyRange, type Sample } from "@/lib/current-visitors/history";

const time = (at: number) => new Date(at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });

/**
 * The totals seen since the panel opened (last 30 minutes). The drawing is hidden from screen readers;
 * a sentence gives the same information.
 */
export function VisitorsSparkline({ history }: { history: readonly Sample[] }) {
  const range = historyRange(history);
  const summary =
    history.length < 2 || !range
      ? "The trend appears here as new figures come in."
      : range.min === range.max
        ? `Steady at ${range.min.toLocaleString()} since ${time(history[0]!.at)}.`
        : `Between ${range.min.toLocaleString()} and ${range.max.toLocaleString()} since ${time(history[0]!.at)}.`;
  return (
    <figure className="flex min-w-0 flex-1 flex-col gap-1">
      <div aria-hidden="true" className="h-16 w-full">
        {history.length >= 2 ? (
          <AreaChart
            responsive
            accessibilityLayer={false}
            style={{ width: "100%", height: "100%" }}
            data={history as Sample[]}
            margin={{ top: 4, right: 2, bottom: 2, left: 2 }}
          >
            <XAxis dataKey="at" type="number" domain={["dataMin", "dataMax"]} hide />
            <YAxis domain={[0, "auto"]} hide />
            <Tooltip
              labelFormatter={(at) => time(Number(at))}
              formatter={(value) => [Number(value).toLocaleString(), "Visitors"]}
              contentStyle={{ background: "rgb(var(--surface))", border: "1px solid rgb(var(--line))", fontSize: 12 }}
            />
            <Area
              dataKey="total"
              type="monotone"
              stroke="rgb(var(--accent))"
              strokeWidth={2}
              fill="rgb(var(--accent) / 0.15)"
              isAnimationActive={false}
              dot={false}
            />
          </AreaChart>
        ) : null}
      </div>
      <figcaption className="text-xs text-muted">{summary}</figcaption>
    </figure>
  );
}
