/**
 * The share page ships no client JavaScript of its own (first load ≤ 200 KB gzipped, and it reads without
 * JavaScript): nothing it imports may be a client component or pull in the chart library, React Query or
 * the interactive UI kits. This walks the project files it imports the way the bundler would.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const SUFFIXES = ["", ".ts", ".tsx"];

/** The project file a specifier names, or null for a package. */
function resolveImport(specifier: string, from: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(ROOT, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (base === null) return null;
  const file = SUFFIXES.map((suffix) => base + suffix).find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
  if (!file) throw new Error(`"${specifier}" in ${path.relative(ROOT, from)} names no file`);
  return file;
}

/** Every project file reachable from `entry` (paths from the root) and every package they import. */
function moduleGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [path.join(ROOT, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    const relative = path.relative(ROOT, file).split(path.sep).join("/");
    if (files.has(relative)) continue;
    files.add(relative);
    for (const { fileName } of ts.preProcessFile(readFileSync(file, "utf8"), true, true).importedFiles) {
      const target = resolveImport(fileName, file);
      if (target) queue.push(target);
      else packages.add(fileName);
    }
  }
  return { files, packages };
}

const CLIENT_PACKAGES = /^(recharts|@tanstack\/|radix-ui|@dnd-kit\/|react-day-picker)/;

describe("the share page's module graph", () => {
  const { files, packages } = moduleGraph("components/shares/public/share-page-view.tsx");

  it("reaches its own parts, so the walk is real", () => {
    for (const file of ["components/shares/public/line-chart.tsx", "components/shares/public/figures-table.tsx", "components/dashboards/markdown-text.tsx"]) {
      expect(files).toContain(file);
    }
    expect(packages).toContain("react-markdown");
  });

  it("has no client component and no client-side library", () => {
    const client = [...files].filter((file) => /^\s*["']use client["']/m.test(readFileSync(path.join(ROOT, file), "utf8")));
    expect(client).toEqual([]);
    expect([...files].filter((file) => file.startsWith("components/charts/"))).toEqual([]);
    expect([...packages].filter((name) => CLIENT_PACKAGES.test(name))).toEqual([]);
  });
});
