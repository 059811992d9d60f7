/**
 * Fathom's six filter operators as string predicates. `is`/`is not` compare exactly; `is like`/`is
 * not like` look for the term anywhere in the value, ignoring case, with `*` matching any run of
 * characters; `matching`/`not matching` test a regular expression (RE2 syntax, unanchored).
 *
 * Both pattern operators run on RE2 (re2js), which matches in time linear in the value. Callers
 * choose the patterns, and JavaScript's backtracking RegExp takes exponential time on some
 * (`(([a-z/-]|[a-z/-])+)+#$`) and polynomial time on wildcard-heavy terms (`*a*a*a*a*a*a*a*b`),
 * which would hang the simulator where Fathom answers normally. A pattern RE2 cannot compile
 * (backreferences, lookaround) is refused like any other invalid one.
 */
import { RE2JS, RE2JSException } from "re2js";
import type { FathomFilter, FilterProperty } from "@/lib/query/fathom-fields";

export type CompiledFilter = { property: FilterProperty; test: (value: string) => boolean };

export class InvalidFilterError extends Error {
  override name = "InvalidFilterError";
}

/** The longest regular expression accepted in a filter. */
export const MAX_PATTERN_LENGTH = 500;

export function likePattern(term: string): RE2JS {
  const source = term
    .split("*")
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return RE2JS.compile(source, RE2JS.CASE_INSENSITIVE | RE2JS.DOTALL);
}

function regularExpression(property: FilterProperty, source: string): RE2JS {
  if (source.length > MAX_PATTERN_LENGTH) {
    throw new InvalidFilterError(`The ${property} filter's regular expression may not be longer than ${MAX_PATTERN_LENGTH} characters.`);
  }
  try {
    return RE2JS.compile(source);
  } catch (error) {
    if (!(error instanceof RE2JSException)) throw error;
    throw new InvalidFilterError(`The ${property} filter's value is not a valid regular expression.`);
  }
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
      const pattern = regularExpression(property, value);
      const wanted = operator === "matching";
      return { property, test: (candidate) => pattern.test(candidate) === wanted };
    }
  }
}
