import { fieldLabel } from "@/lib/query/fathom-fields";
import "server-only";
/**
 * Refuses `matching` / `not matching` patterns that can backtrack catastrophically, before any budget is
 * spent: Fathom (and the simulator) run a pattern against every value in the range, and one such pattern
 * can tie them up for minutes. Validity is checked elsewhere (lib/query/report-query.ts and
 * aggregation-params.ts); this only judges running time. Server-only because redos-detector is ~200 KB,
 * which the builder's bundle must not carry.
 */
import { isSafePattern } from "redos-detector";
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { fathomFilterSchema, type FathomFilter } from "./fathom-fields";

/**
 * The library's default. Everyday patterns score 1–3 (a 20-word alternation 4, wider lists with shared
 * prefixes dozens); patterns that backtrack catastrophically have no finite score, so the cap need not be tight.
 */
export const MAX_SCORE = 200;
/**
 * A deterministic cap on the check's work. Everyday patterns need < 300 steps, a 20-word alternation ~1,100;
 * most hostile patterns reach the cap in a few hundred ms, so their refusal is remembered (a timeout is not).
 */
export const MAX_STEPS = 2_000;
/** The check is synchronous: it must never hold the server for long, however hostile the pattern. */
export const PATTERN_TIMEOUT_MS = 500;
/** One request's patterns share this (a query may carry up to 20 filters). */
export const QUERY_BUDGET_MS = 1_000;

export const UNSAFE_PATTERN_MESSAGE =
  "This pattern can take far too long to evaluate: part of it can match the same text in many ways, such as a repeated group inside a repeated group ((a+)+). Simplify it, e.g. use [a-z/-]+ instead of ([a-z/-]+)+.";
export const UNDECIDED_PATTERN_MESSAGE =
  "Sounding could not confirm in time that this pattern is safe to run. Simplify it: avoid repeated groups inside repeated groups, such as (a+)+, and choices that match the same text, e.g. use [a-z/-]+ instead of ([a-z/-]|[a-z/-])+.";
export const UNREADABLE_PATTERN_MESSAGE =
  "Sounding can't check how long this pattern takes to run (it uses syntax the check doesn't read, such as a named group (?<name>…)); use a plain group (…) instead.";

/**
 * Closing `.*` (the dot not escaped), before an optional `$`. A closing `.*` matches at once, so once reached
 * the match has succeeded; before `$` it fails only where a line break follows, which is what `$` alone
 * tests (up to linear work), so it becomes `$`: `(a+)+.*$` must still be refused.
 */
const TRAILING_WILDCARDS = /(?<!\\)((?:\\\\)*)(?:\.\*\??)+(\$?)$/;

/**
 * The pattern as the detector should read it. Fathom looks for a pattern anywhere in a value, which a
 * backtracking engine does by one anchored attempt per start position: at most the value's length times
 * the cost of one attempt, so it is one attempt's cost that must stay bounded. Read unanchored, or with a
 * closing `.*`, everyday patterns such as `.*checkout.*` score as unbounded (quadratic is not catastrophic).
 */
function anchoredCore(pattern: string): string {
  return `^(?:${pattern.replace(TRAILING_WILDCARDS, "$1$2")})`;
}

/** Verdicts already reached (safe patterns are asked again by every report that uses them), oldest dropped first. */
const MAX_REMEMBERED = 500;
const verdicts = new Map<string, string | null>();

function remember(pattern: string, verdict: string | null): string | null {
  if (verdicts.size >= MAX_REMEMBERED) verdicts.delete(verdicts.keys().next().value as string);
  verdicts.set(pattern, verdict);
  return verdict;
}

/** Null when the pattern is safe to run, otherwise why not, in words a marketer can act on. */
export function unsafePatternReason(pattern: string, { timeoutMs = PATTERN_TIMEOUT_MS }: { timeoutMs?: number } = {}): string | null {
  const known = verdicts.get(pattern);
  if (known !== undefined) return known;
  const timeout = Math.floor(Math.min(timeoutMs, PATTERN_TIMEOUT_MS));
  if (timeout < 1) return UNDECIDED_PATTERN_MESSAGE; // no time left; redos-detector needs a positive timeout
  let result: ReturnType<typeof isSafePattern>;
  try {
    result = isSafePattern(anchoredCore(pattern), { maxScore: MAX_SCORE, maxSteps: MAX_STEPS, timeout });
  } catch {
    return remember(pattern, UNREADABLE_PATTERN_MESSAGE);
  }
  if (result.safe) return remember(pattern, null);
  // A timeout depends on how busy the server was: not remembered, so the pattern gets a fresh chance.
  if (result.error === "timedOut") return UNDECIDED_PATTERN_MESSAGE;
  return remember(pattern, result.error === "hitMaxScore" ? UNSAFE_PATTERN_MESSAGE : UNDECIDED_PATTERN_MESSAGE);
}

type PatternFilter = Pick<FathomFilter, "property" | "operator" | "value">;
export type UnsafePattern = { index: number; reason: string };

/** The pattern filters (by index in `filters`) that are not safe to run, all checked within one time budget. */
export function findUnsafePatterns(filters: readonly PatternFilter[], { budgetMs = QUERY_BUDGET_MS } = {}): UnsafePattern[] {
  const deadline = performance.now() + budgetMs;
  const found: UnsafePattern[] = [];
  filters.forEach((filter, index) => {
    if (filter.operator !== "matching" && filter.operator !== "not matching") return;
    const reason = unsafePatternReason(filter.value, { timeoutMs: deadline - performance.now() });
    if (reason) found.push({ index, reason });
  });
  return found;
}

const listOf = (items: string[]) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);

/**
 * The report route's 400 (code `unsafe_pattern`), with each reason on the filter's `filters.<i>.value`,
 * the path the builder uses for its own messages; null when every pattern is safe.
 */
export function unsafePatternError(filters: readonly PatternFilter[]): ApiError | null {
  const found = findUnsafePatterns(filters);
  if (found.length === 0) return null;
  const first = found[0]!;
  const message =
    found.length === 1
      ? `The pattern in filter ${first.index + 1} (${fieldLabel(filters[first.index]!.property)}) isn't safe to run, so the report was not sent to Fathom.`
      : `The patterns in filters ${listOf(found.map(({ index }) => String(index + 1)))} aren't safe to run, so the report was not sent to Fathom.`;
  const fields = Object.fromEntries(found.map(({ index, reason }) => [`filters.${index}.value`, [reason]]));
  return new ApiError(400, "unsafe_pattern", message, { fields });
}

/** For checkInput (lib/fathom/http.ts): Fathom parameters whose patterns are safe, issues on `filters.<i>.value`. */
export const safePatternsSchema = z.object({ filters: z.array(fathomFilterSchema).optional() }).superRefine(({ filters }, ctx) => {
  for (const { index, reason } of findUnsafePatterns(filters ?? [])) {
    ctx.addIssue({ code: "custom", path: ["filters", index, "value"], message: reason });
  }
});
