/**
 * Fathom's six filter operators as string predicates. `is`/`is not` compare exactly; `is like`/`is
 * not like` look for the term anywhere in the value, ignoring case, with `*` matching any run of
 * characters; `matching`/`not matching` test a regular expression (JavaScript syntax, unanchored).
 */
import type { FathomFilter, FilterProperty } from "@/lib/query/fathom-fields";

export type CompiledFilter = { property: FilterProperty; test: (value: string) => boolean };

export class InvalidFilterError extends Error {
  override name = "InvalidFilterError";
}

/** The longest regular expression accepted in a filter. */
export const MAX_PATTERN_LENGTH = 500;

export function likePattern(term: string): RegExp {
  const source = term
    .split("*")
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(source, "is");
}

export function compileFilter(filter: FathomFilter): CompiledFilter {
  const { property, operator, value } = filter;
  switch (operator) {
    case "is":
      return { property, test: (candidate) => candidate === value };
    case "is not":
      return { property, test: (candidate) => candidate !== value };
    case "is like": {
      const pattern = likePattern(value);
      return { property, test: (candidate) => pattern.test(candidate) };
    }
    case "is not like": {
      const pattern = likePattern(value);
      return { property, test: (candidate) => !pattern.test(candidate) };
    }
    case "matching":
    case "not matching": {
      if (value.length > MAX_PATTERN_LENGTH) {
        throw new InvalidFilterError(`The ${property} filter's regular expression may not be longer than ${MAX_PATTERN_LENGTH} characters.`);
      }
      let pattern: RegExp;
      try {
        pattern = new RegExp(value);
      } catch {
        throw new InvalidFilterError(`The ${property} filter's value is not a valid regular expression.`);
      }
      const wanted = operator === "matching";
      return { property, test: (candidate) => pattern.test(candidate) === wanted };
    }
  }
}
