import { describe, expect, it } from "vitest";
import { MAX_FILTER_VALUE_LENGTH } from "./report-query";
import {
  UNDECIDED_PATTERN_MESSAGE,
  UNREADABLE_PATTERN_MESSAGE,
  UNSAFE_PATTERN_MESSAGE,
  findUnsafePatterns,
  safePatternsSchema,
  unsafePatternError,
  unsafePatternReason,
} from "./regex-safety";

/** The reference's regex examples (shared/fathom-api/reference.md) and what marketers write every day. */
const EVERYDAY = [
  "^/(about|contact|pricing)$",
  "^/(about|contact|pricing)",
  "^/blog/\\d{4}/\\d{2}/",
  "^/products/[^/]+/$",
  "/blog/.*",
  "\\.pdf$",
  "^/(en|de|fr)/",
  "utm_source=(google|bing)",
  ".*checkout.*",
  "^/docs/[a-z0-9-]+/[a-z0-9-]+$",
];

/** Each can make a backtracking engine work for exponentially (or, for the last, n¹²) long on a short value. */
const CATASTROPHIC = ["(([a-z/-]|[a-z/-])+)+#$", "(a+)+$", "(a|a)*b", "(\\w+\\s?)*$", "^(a|aa)+$", "(.*a){12}"];

const REFUSALS = [UNSAFE_PATTERN_MESSAGE, UNDECIDED_PATTERN_MESSAGE];

describe("unsafePatternReason", () => {
  it.each(EVERYDAY)("lets %s through", (pattern) => {
    expect(unsafePatternReason(pattern)).toBeNull();
  });

  it.each(CATASTROPHIC)("refuses %s", (pattern) => {
    expect(REFUSALS).toContain(unsafePatternReason(pattern));
  });

  it("lets a 20-word alternation through", () => {
    const sections = "about|contact|pricing|team|careers|blog|press|docs|help|support|legal|privacy|terms|security|status|changelog|roadmap|partners|customers|integrations";
    expect(unsafePatternReason(`^/(${sections})/?$`)).toBeNull();
  });

  it("does not let a closing .* hide a catastrophic pattern", () => {
    // `.*$` fails where a line break follows, and then (a+)+ backtracks as if `$` stood alone.
    expect(REFUSALS).toContain(unsafePatternReason("(a+)+.*$"));
    expect(REFUSALS).toContain(unsafePatternReason("(a+)+b.*"));
    // A closing `.*` matches at once: with nothing after it to fail, (a+)+ never backtracks.
    expect(unsafePatternReason("(a+)+.*")).toBeNull();
    expect(unsafePatternReason("^.*checkout.*$")).toBeNull();
  });

  it("leaves an escaped dot before a closing * alone (stripping it would leave a dangling backslash)", () => {
    expect(unsafePatternReason("^/files/[a-z]+\\.*")).toBeNull();
  });

  it("refuses, with its own message, a pattern the check cannot read", () => {
    expect(unsafePatternReason("^/(?<section>blog|news)/")).toBe(UNREADABLE_PATTERN_MESSAGE);
  });

  it("treats a check that ran out of time as unsafe, and gives the pattern a fresh chance next time", () => {
    const wide = "^/(en|de|fr|es|it|nl|pt|pl|sv|da|fi|no)/(products|pricing|about)/[^/]+$";
    expect(unsafePatternReason(wide, { timeoutMs: 1 })).toBe(UNDECIDED_PATTERN_MESSAGE);
    expect(unsafePatternReason(wide)).toBeNull();
  });

  it(`decides on a ${MAX_FILTER_VALUE_LENGTH}-character pattern within a bounded time`, () => {
    const groups = "(([a-z/-]|[a-z/-])+)+".repeat(23);
    const hostile = "/".repeat(MAX_FILTER_VALUE_LENGTH - groups.length - 2) + groups + "#$";
    const literal = "/" + "a-long-literal-segment/".repeat(30).slice(0, MAX_FILTER_VALUE_LENGTH - 1);
    for (const pattern of [hostile, literal]) {
      expect(pattern).toHaveLength(MAX_FILTER_VALUE_LENGTH);
      expect(() => new RegExp(pattern)).not.toThrow();
      const started = performance.now();
      unsafePatternReason(pattern);
      // A safety rail, not a benchmark: the configured timeout is 500 ms.
      expect(performance.now() - started).toBeLessThan(2_000);
    }
    expect(REFUSALS).toContain(unsafePatternReason(hostile));
    expect(unsafePatternReason(literal)).toBeNull();
  });
});

describe("findUnsafePatterns", () => {
  const filters = [
    { property: "pathname" as const, operator: "matching" as const, value: "^/blog/" },
    { property: "pathname" as const, operator: "is" as const, value: "(a+)+$" },
    { property: "referrer_source" as const, operator: "not matching" as const, value: "(a|a)*b" },
  ];

  it("checks only pattern operators (`is` compares the value as plain text) and reports each by index", () => {
    const found = findUnsafePatterns(filters);
    expect(found.map(({ index }) => index)).toEqual([2]);
    expect(REFUSALS).toContain(found[0]!.reason);
  });

  it("refuses what it has no time left for", () => {
    const fresh = [{ property: "pathname" as const, operator: "matching" as const, value: "^/never-checked-before/" }];
    expect(findUnsafePatterns(fresh, { budgetMs: 0 })).toEqual([{ index: 0, reason: UNDECIDED_PATTERN_MESSAGE }]);
  });
});

describe("unsafePatternError", () => {
  it("answers 400 unsafe_pattern with the reason on the filter's value path", () => {
    const error = unsafePatternError([
      { property: "hostname", operator: "is", value: "example.com" },
      { property: "pathname", operator: "matching", value: "(a+)+$" },
    ]);
    expect(error?.toBody()).toEqual({
      error: {
        code: "unsafe_pattern",
        message: "The pattern in filter 2 (Page) isn't safe to run, so the report was not sent to Fathom.",
        fields: { "filters.1.value": [UNSAFE_PATTERN_MESSAGE] },
      },
    });
    expect(error?.status).toBe(400);
  });

  it("names every unsafe filter", () => {
    const unsafe = { property: "pathname" as const, operator: "matching" as const, value: "(a+)+$" };
    expect(unsafePatternError([unsafe, unsafe, unsafe])?.message).toMatch(/^The patterns in filters 1, 2 and 3 aren't safe to run/);
  });

  it("is null when every pattern is safe", () => {
    expect(unsafePatternError(EVERYDAY.map((value) => ({ property: "pathname" as const, operator: "matching" as const, value })))).toBeNull();
  });
});

describe("safePatternsSchema", () => {
  it("puts each refusal on filters.<i>.value", () => {
    const result = safePatternsSchema.safeParse({ filters: [{ property: "pathname", operator: "matching", value: "(a+)+$" }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["filters", 0, "value"], message: UNSAFE_PATTERN_MESSAGE })]);
  });

  it("accepts parameters without filters", () => {
    expect(safePatternsSchema.safeParse({ entity: "pageview" }).success).toBe(true);
  });
});
