import { describe, expect, it } from "vitest";
import { Refusal } from "./answers";
import fixtures from "./php-reference/fixtures.json";
import { fathomLength } from "@/lib/query/fathom-fields";
import { booleanValue, Validator } from "./validation";

const errorsOf = (check: () => void) => {
  try {
    check();
  } catch (error) {
    if (error instanceof Refusal) return (error.answer.body as { errors: Record<string, string[]> }).errors;
    throw error;
  }
  return {};
};

describe("booleanValue reads a boolean as Laravel does", () => {
  it.each(fixtures.booleans.map((row) => [row.text, row.php] as const))("%j → %s, as PHP's FILTER_VALIDATE_BOOLEAN", (text, php) => {
    // PHP reads "" as false; Laravel has already made an empty string null (not sent), so it never gets here.
    if (text === "") return expect(php).toBe(false);
    expect(booleanValue(text) ?? null).toBe(php);
  });

  it("takes JSON's booleans and 1/0, and refuses anything else instead of reading it as false", () => {
    expect([true, 1, false, 0].map(booleanValue)).toEqual([true, true, false, false]);
    expect([2, null, [], {}].map(booleanValue)).toEqual([undefined, undefined, undefined, undefined]);
    expect(errorsOf(() => new Validator({ detailed: "maybe" }).boolean("detailed").check())).toEqual({ detailed: ["The detailed field must be true or false."] });
    expect(errorsOf(() => new Validator({ detailed: "yes" }).boolean("detailed").check())).toEqual({});
  });
});

describe("lengths are counted in characters, as PHP's mb_strlen counts them", () => {
  it.each(fixtures.lengths.map((row) => [row.text, row.php] as const))("%j is %i characters", (text, php) => {
    expect(fathomLength(text)).toBe(php);
  });

  it("lets a 30-emoji name through a 30-character limit and stops the 31st", () => {
    expect(errorsOf(() => new Validator({ name: "😀".repeat(30) }).string("name", 30).check())).toEqual({});
    expect(errorsOf(() => new Validator({ name: "😀".repeat(31) }).string("name", 30).check())).toEqual({ name: ["The name may not be greater than 30 characters."] });
  });
});

describe("scalar refuses an array where a string belongs", () => {
  it("says the field must be a string", () => {
    expect(errorsOf(() => new Validator({ entity: new Map([[0, "pageview"]]), limit: "5" }).scalar("entity").scalar("limit").check())).toEqual({
      entity: ["The entity must be a string."],
    });
  });
});
