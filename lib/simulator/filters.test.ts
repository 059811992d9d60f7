import { describe, expect, it } from "vitest";
import type { FilterOperator } from "@/lib/query/fathom-fields";
import { compileFilter, InvalidFilterError, MAX_PATTERN_LENGTH } from "./filters";

const pathname = (operator: FilterOperator, value: string) => compileFilter({ property: "pathname", operator, value });

/** How long `run` takes, in milliseconds. */
function timed(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

describe("filters: regular expressions run in linear time (RE2)", () => {
  it("answers a catastrophically backtracking pattern at once, with the right result", () => {
    // JavaScript's RegExp needs seconds for this 14-character value (about 5x more per character).
    const pattern = "(([a-z/-]|[a-z/-])+)+#$";
    const matching = pathname("matching", pattern);
    const notMatching = pathname("not matching", pattern);
    let results: boolean[] = [];
    const ms = timed(() => (results = [matching.test("/blog/abcdefgh"), notMatching.test("/blog/abcdefgh"), matching.test("/blog/abcdefgh#")]));
    expect(results).toEqual([false, true, true]);
    expect(ms).toBeLessThan(500);
    // Linear: a value hundreds of times longer is still quick.
    expect(timed(() => matching.test(`/blog/${"a".repeat(20_000)}`))).toBeLessThan(500);
  });

  it("answers a wildcard-heavy `is like` term at once too", () => {
    // `*a*a*a*a*a*a*a*a*b` is `.*a` eight times: polynomial backtracking, seconds on 40 characters in JavaScript.
    const like = pathname("is like", "*a".repeat(8) + "*b");
    let result = true;
    expect(timed(() => (result = like.test(`/${"a".repeat(39)}`)))).toBeLessThan(500);
    expect(result).toBe(false);
    expect(like.test("/aaaaaaaaB")).toBe(true); // still case-insensitive
    expect(pathname("is like", "/BLOG/*\n*post").test("/blog/x\ny\npost")).toBe(true); // `*` spans line breaks
  });

  it("keeps the semantics: unanchored, case-sensitive, `$` at the very end only", () => {
    expect(pathname("matching", "blog").test("/en/blog/post")).toBe(true);
    expect(pathname("matching", "^/Blog").test("/blog")).toBe(false);
    expect(pathname("matching", "post$").test("/post\n")).toBe(false);
    expect(pathname("matching", "(?i)^/Blog").test("/blog")).toBe(true); // RE2's inline flags
  });

  it("accepts RE2 syntax, as in the reference's examples", () => {
    expect(pathname("matching", "^/(about|contact|pricing)$").test("/pricing")).toBe(true);
    expect(pathname("matching", "^/blog/\\d{4}/\\d{2}/").test("/blog/2025/07/my-post")).toBe(true);
    expect(pathname("matching", "^/products/[^/]+/$").test("/products/carrots/")).toBe(true);
    expect(pathname("matching", "^/(?P<section>[a-z]+)/").test("/shop/x")).toBe(true);
    expect(pathname("matching", "^/\\pL+$").test("/café")).toBe(true);
  });

  it.each([
    ["a lookahead", "^/blog(?=/)"],
    ["a negative lookahead", "^/(?!admin)"],
    ["a lookbehind", "(?<=/)blog"],
    ["a backreference", "^/(\\w+)/\\1$"],
    ["an unclosed group", "^/(blog"],
    ["a repeat count over 1000", "a{1001}"],
  ])("refuses %s as an invalid regular expression", (_, pattern) => {
    for (const operator of ["matching", "not matching"] as const) {
      expect(() => pathname(operator, pattern)).toThrow(new InvalidFilterError("The pathname filter's value is not a valid regular expression."));
    }
  });

  it(`refuses a pattern longer than ${MAX_PATTERN_LENGTH} characters`, () => {
    expect(pathname("matching", "a".repeat(MAX_PATTERN_LENGTH)).test("a".repeat(MAX_PATTERN_LENGTH))).toBe(true);
    expect(() => pathname("matching", "a".repeat(MAX_PATTERN_LENGTH + 1))).toThrow(/may not be longer than 500 characters/);
  });
});
