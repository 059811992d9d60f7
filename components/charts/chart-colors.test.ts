import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/** The theme's variables, light (`:root`) and dark (inside the prefers-color-scheme block). */
function themes(): Record<"light" | "dark", Record<string, [number, number, number]>> {
  const css = readFileSync(new URL("../../app/globals.css", import.meta.url), "utf8");
  const darkStart = css.indexOf("@media (prefers-color-scheme: dark)");
  const read = (text: string) =>
    Object.fromEntries([...text.matchAll(/--([a-z0-9-]+):\s*(\d+)\s+(\d+)\s+(\d+);/g)].map((m) => [m[1]!, [Number(m[2]), Number(m[3]), Number(m[4])] as [number, number, number]]));
  return { light: read(css.slice(0, darkStart)), dark: read(css.slice(darkStart)) };
}

function luminance([r, g, b]: [number, number, number]) {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: [number, number, number], b: [number, number, number]) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe("chart and change colours", () => {
  for (const [name, vars] of Object.entries(themes())) {
    it(`draw at 3:1 and write at 4.5:1 against the surface in ${name} mode`, () => {
      const surface = vars.surface!;
      for (const graphic of ["chart-1", "chart-2", "chart-3", "chart-4", "chart-5", "chart-6", "accent", "muted", "warn"]) {
        expect(vars[graphic], graphic).toBeDefined();
        expect(contrast(vars[graphic]!, surface), graphic).toBeGreaterThanOrEqual(3);
      }
      for (const text of ["good", "bad", "muted", "ink"]) {
        expect(contrast(vars[text]!, surface), text).toBeGreaterThanOrEqual(4.5);
      }
    });
  }
});
