import { describe, expect, it } from "vitest";
import { Refusal } from "./answers";
import fixtures from "./php-reference/fixtures.json";
import { laravelValue, parseQueryString, queryInput, type PhpValue } from "./php-input";

/** A parsed value in the fixtures' notation: a PHP array as its [key, value] pairs, keys typed. */
type Pairs = string | { array: Array<[string | number, Pairs]> };
const asPairs = (value: PhpValue): Pairs => (typeof value === "string" ? value : { array: [...value].map(([key, item]) => [key, asPairs(item)]) });

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof Refusal) return error.answer;
    throw error;
  }
  throw new Error("not refused");
};

describe("parseQueryString reads a query string as PHP's parse_str does", () => {
  it.each(fixtures.queries.map((row) => [row.query, row.php] as const))("%s", (query, php) => {
    expect(asPairs(parseQueryString(query))).toEqual(php);
  });

  it("has PHP's answers for the cases that matter most to filters", () => {
    // The corpus is what PHP printed; these spell out what it says about the shapes clients send.
    const row = (query: string) => fixtures.queries.find((entry) => entry.query === query)!.php;
    expect(row("filters[][property]=pathname&filters[][operator]=is&filters[][value]=/")).toEqual({
      array: [["filters", { array: [[0, { array: [["property", "pathname"]] }], [1, { array: [["operator", "is"]] }], [2, { array: [["value", "/"]] }]] }]],
    });
    expect(row("entity=pageview&entity=event")).toEqual({ array: [["entity", "event"]] });
  });

  it("refuses more parameters or deeper nesting than PHP keeps, instead of dropping the rest", () => {
    expect(refusal(() => parseQueryString(Array.from({ length: 1001 }, (_, i) => `p${i}=1`).join("&")))).toMatchObject({ status: 400 });
    expect(parseQueryString(Array.from({ length: 1000 }, (_, i) => `p${i}=1`).join("&")).size).toBe(1000);
    expect(refusal(() => parseQueryString(`a${"[x]".repeat(64)}=1`))).toMatchObject({ status: 400 });
    expect(parseQueryString(`a${"[x]".repeat(63)}=1`).size).toBe(1);
  });
});

describe("laravelValue: Laravel's TrimStrings and ConvertEmptyStringsToNull", () => {
  it("trims strings everywhere and turns empty ones into null", () => {
    expect(queryInput("date_from=&entity=+pageview+&filters[0][value]=%20/blog%0A&filters[0][operator]=")).toEqual({
      date_from: null,
      entity: "pageview",
      filters: new Map([[0, new Map<string | number, unknown>([["value", "/blog"], ["operator", null]])]]),
    });
    expect(laravelValue({ name: "\u200B Launch \uFEFF", tags: [" a ", ""], n: 3, ok: true })).toEqual({ name: "Launch", tags: ["a", null], n: 3, ok: true });
  });
});
