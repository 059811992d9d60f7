/**
 * A read-only page (a client's share page, a dashboard) must not ship code that writes: the report
 * panel reaches the milestone dialog only through the slot a page fills. This walks the project files
 * each module imports (static, re-exported and `import()`ed, type imports too) the way the bundler would.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SUFFIXES = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"];

/** The project file a specifier names, or null for a package. */
function resolveImport(specifier: string, from: string): string | null {
  const base = specifier.startsWith("@/")
    ? path.join(ROOT, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (base === null) return null;
  const file = SUFFIXES.map((suffix) => base + suffix).find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
  if (!file) throw new Error(`"${specifier}" in ${path.relative(ROOT, from)} names no file`);
  return file;
}

/** Every project file reachable from `entry`, as paths from the repository root. */
function moduleGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [path.join(ROOT, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    const relative = path.relative(ROOT, file).split(path.sep).join("/");
    if (seen.has(relative)) continue;
    seen.add(relative);
    const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    for (const { fileName } of importedFiles) {
      const target = resolveImport(fileName, file);
      if (target) queue.push(target);
    }
  }
  return seen;
}

/** Code that sends a write to the API (`apiFetch(…, { method: "POST" })`); the panel only reads. */
const WRITES = /method:\s*["'](POST|PUT|PATCH|DELETE)["']/;
const writesTo = (files: Iterable<string>) => [...files].filter((file) => WRITES.test(readFileSync(path.join(ROOT, file), "utf8")));

const MILESTONE_WRITERS = ["components/milestones/add-milestone-dialog.tsx", "components/milestones/milestone-queries.ts"];

describe("the read-only report panel's module graph", () => {
  const panel = moduleGraph("components/report/report-panel.tsx");

  it("reaches the panel's own parts, so the walk is real", () => {
    for (const file of [
      "components/report/use-report-run.ts",
      "components/report/report-run-query.ts",
      "components/report/report-table.tsx",
      "components/charts/time-series-chart.tsx",
      "components/charts/field-bar-chart.tsx",
      "lib/reports/chart-data.ts",
      "lib/reports/csv.ts",
      "lib/query/url-codec.ts",
    ]) {
      expect(panel, file).toContain(file);
    }
  });

  it("holds no milestone dialog and nothing that writes", () => {
    for (const file of MILESTONE_WRITERS) expect(panel, file).not.toContain(file);
    expect([...panel].filter((file) => /^components\/(milestones|site-writes)\//.test(file))).toEqual([]);
    expect(writesTo(panel)).toEqual([]);
  });

  it("would notice a writer: Explore's graph, which fills the slot, reaches the dialog and its writes", () => {
    const explore = moduleGraph("components/query-builder/explore-workspace.tsx");
    expect(explore).toContain("components/report/report-panel.tsx");
    for (const file of MILESTONE_WRITERS) expect(explore, file).toContain(file);
    // Wherever the milestone writes live (milestone-queries.ts or the shared list writers), the detector finds them.
    expect(writesTo(explore).length).toBeGreaterThan(0);
  });
});
