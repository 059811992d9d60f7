/**
 * What the load bench (./load.bench.ts) reads about the server process from /proc (Linux): its resident
 * memory (sampled every second, and the kernel's own peak, VmHWM) and the CPU it used in each phase,
 * beside the bench's own CPU, so the report can say which side was the bottleneck.
 */
import { readFileSync } from "node:fs";

/** Linux reports process times in USER_HZ ticks: 100 a second on every architecture Node runs on. */
const TICKS_PER_SECOND = 100;

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : null;
  } catch {
    return null; // not Linux, or the process is gone
  }
}

const mb = (kb: number | null) => (kb === null ? null : Math.round(kb / 102.4) / 10);

/** Samples the server's VmRSS every second until `stop()`, which answers the most sampled and VmHWM (MB), and the samples. */
export function memorySampler(pid: number) {
  let maxRssKb: number | null = null;
  const series: Array<{ atSeconds: number; rssMb: number | null }> = [];
  const started = Date.now();
  const sample = () => {
    const rss = statusKb(pid, "VmRSS");
    if (rss !== null) maxRssKb = Math.max(maxRssKb ?? 0, rss);
    series.push({ atSeconds: Math.round((Date.now() - started) / 1000), rssMb: mb(rss) });
  };
  sample();
  const timer = setInterval(sample, 1000);
  let result: { maxSampledRssMb: number | null; peakRssMbVmHWM: number | null; series: typeof series } | undefined;
  return {
    rssMbNow: () => mb(statusKb(pid, "VmRSS")),
    /** Stops sampling (once; later calls answer the same figures). */
    stop() {
      if (!result) {
        clearInterval(timer);
        sample();
        result = { maxSampledRssMb: mb(maxRssKb), peakRssMbVmHWM: mb(statusKb(pid, "VmHWM")), series };
      }
      return result;
    },
  };
}

/** User + system CPU seconds of `pid` (all its threads), from /proc/<pid>/stat; null off Linux. */
function serverCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces, inside parentheses): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

const benchCpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

export type CpuUse = { serverPercent: number | null; benchPercent: number; bottleneck: string };

/** Starts measuring CPU; `end()` answers each side's use in % of one core over the phase, and which side ran out. */
export function cpuMeter(pid: number) {
  const wallStart = performance.now();
  const serverStart = serverCpuSeconds(pid);
  const benchStart = benchCpuSeconds();
  return {
    end(): CpuUse {
      const wall = (performance.now() - wallStart) / 1000;
      const serverEnd = serverCpuSeconds(pid);
      const server = serverStart === null || serverEnd === null ? null : Math.round(((serverEnd - serverStart) / wall) * 100);
      const bench = Math.round(((benchCpuSeconds() - benchStart) / wall) * 100);
      // The server runs its JavaScript on one thread: near a full core it is the limit. The bench likewise.
      const bottleneck =
        bench >= 90
          ? "the bench (its CPU is saturated: the server's figures are a lower bound)"
          : server === null
            ? "unknown (no /proc)"
            : server >= 85
              ? "the server (its CPU is saturated, the bench's is not)"
              : "neither CPU saturated (waiting: locks, I/O, the simulator, or too few clients)";
      return { serverPercent: server, benchPercent: bench, bottleneck };
    },
  };
}
