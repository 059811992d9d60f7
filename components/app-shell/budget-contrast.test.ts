import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TONE_CLASSES, type BudgetTone } from "./budget-indicator";

type Rgb = [number, number, number];

/** The theme's variables: light (`:root`), then dark (from the prefers-color-scheme block on). */
function themes(): Record<"light" | "dark", Record<string, Rgb>> {
  const css = readFileSync(new URL("../../app/globals.css", import.meta.url), "utf8");
  const darkStart = css.indexOf("@media (prefers-color-scheme: dark)");
  const read = (text: string) =>
    Object.fromEntries([...text.matchAll(/--([a-z0-9-]+):\s*(\d+)\s+(\d+)\s+(\d+);/g)].map((m) => [m[1]!, [Number(m[2]), Number(m[3]), Number(m[4])] as Rgb]));
  return { light: read(css.slice(0, darkStart)), dark: read(css.slice(darkStart)) };
}

const channel = (c: number) => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const luminance = ([r, g, b]: Rgb) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
function contrast(a: Rgb, b: Rgb) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
/** `colour` at `alpha` over `below`, as the browser paints `bg-warn/10`. */
const over = (colour: Rgb, alpha: number, below: Rgb): Rgb => colour.map((c, i) => c * alpha + below[i]! * (1 - alpha)) as Rgb;

describe("the budget badge's tones", () => {
  for (const [name, vars] of Object.entries(themes())) {
    it(`write at 4.5:1 on their own background in ${name} mode`, () => {
      for (const [tone, classes] of Object.entries(TONE_CLASSES) as [BudgetTone, string][]) {
        const text = /(?:^|\s)text-([a-z-]+)/.exec(classes)?.[1];
        const tint = /(?:^|\s)bg-([a-z-]+)\/(\d+)/.exec(classes);
        expect(text, tone).toBeDefined();
        const background = tint ? over(vars[tint[1]!]!, Number(tint[2]) / 100, vars.surface!) : vars.surface!;
        expect(contrast(vars[text!]!, background), `${tone} in ${name}`).toBeGreaterThanOrEqual(4.5);
      }
    });
  }
});
