import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const css = readFileSync(new URL("./globals.css", import.meta.url), "utf8");

/** The body of the first `@media <query> {` block, braces balanced. */
function mediaBlock(query: string): string {
  const start = css.indexOf(`@media ${query} {`);
  expect(start, query).toBeGreaterThanOrEqual(0);
  let depth = 0;
  for (let at = css.indexOf("{", start); at < css.length; at++) {
    if (css[at] === "{") depth++;
    if (css[at] === "}" && --depth === 0) return css.slice(css.indexOf("{", start) + 1, at);
  }
  throw new Error(`unclosed @media ${query}`);
}

describe("app/globals.css in print", () => {
  it("prints in the light theme: the dark one applies to screens only", () => {
    const dark = mediaBlock("(prefers-color-scheme: dark)");
    expect(dark.trim().startsWith("@media screen {")).toBe(true);
  });

  it("leaves out the chrome and keeps the report", () => {
    const print = mediaBlock("print");
    const hidden = print.slice(0, print.indexOf("display: none !important"));
    expect(hidden).toContain("nav");
    expect(hidden).toContain('[data-print="hide"]');
    // Buttons go, but not a metric card's or a table column's: those are the figures.
    expect(hidden).toContain("button:not(th *, [data-metric] *)");
    expect(print).toMatch(/\.grid:has\(> \[data-print="hide"\]\) \{\s*grid-template-columns: minmax\(0, 1fr\)/);
    expect(print).toMatch(/break-inside: avoid/);
  });
});
