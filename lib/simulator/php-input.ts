/**
 * Request input as Fathom's Laravel back end sees it. The query string is read as PHP reads it into
 * `$_GET` (`parse_str`): the last of a repeated name wins, `name[]` appends to an array, `name[key]`
 * sets a key, dots and spaces in the base name become `_`. Then Laravel's global middleware trims every
 * string and turns empty strings into null. php-reference/fixtures.json holds PHP's own answers for a
 * corpus of query strings, and the tests hold this reader to them.
 *
 * A PHP array is a `Map` (keys in insertion order, integer keys as numbers), so `filters[0][property]`
 * and `filters[][property]` arrive as what they are instead of as a flat name nobody asked for.
 */
import { refuseWith } from "./answers";

export type PhpArray = Map<string | number, PhpValue>;
export type PhpValue = string | PhpArray;

/** PHP's `max_input_vars` and `max_input_nesting_level`. PHP drops what is past them; the simulator refuses it. */
export const MAX_INPUT_VARS = 1000;
export const MAX_NESTING = 64;

const WHITESPACE = new Set([" ", "\t", "\r", "\n"]);

/** `php_url_decode`: `+` is a space, `%XX` a byte, a malformed escape stays as written; then UTF-8 (bad bytes become U+FFFD). */
function urlDecode(text: string): string {
  if (!/[%+]/.test(text)) return text;
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === "+") bytes.push(0x20);
    else if (char === "%" && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      const code = text.codePointAt(i)!;
      if (code > 0xffff) i++;
      bytes.push(...encoder.encode(String.fromCodePoint(code)));
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** PHP's array key: a canonical decimal integer within 64 bits is an integer key, anything else a string. */
function arrayKey(index: string): string | number {
  if (!/^(0|-?[1-9]\d*)$/.test(index)) return index;
  const value = BigInt(index);
  return value >= -(2n ** 63n) && value < 2n ** 63n ? Number(index) : index;
}

function nextIndex(array: PhpArray): number {
  let next = 0;
  for (const key of array.keys()) if (typeof key === "number" && key >= next) next = key + 1;
  return next;
}

/** The base name and the indices of one variable name (`a[b][]` → `a`, `["b", null]`), as `php_register_variable_ex` splits it. */
function splitName(raw: string): { base: string; indices: Array<string | null> } | null {
  let name = raw.replace(/^ +/, "");
  const nul = name.indexOf("\0");
  if (nul >= 0) name = name.slice(0, nul);
  const open = name.indexOf("[");
  const baseOf = (text: string) => text.replace(/[ .]/g, "_");
  if (open < 0) return name ? { base: baseOf(name), indices: [] } : null;
  const base = baseOf(name.slice(0, open));
  if (!base) return null;
  const indices: Array<string | null> = [];
  let at = open;
  while (name[at] === "[") {
    let start = at + 1;
    let cursor = start;
    if (WHITESPACE.has(name[cursor] ?? "")) cursor++;
    let index: string | null;
    if (name[cursor] === "]") {
      index = null;
      at = cursor + 1;
    } else {
      const close = name.indexOf("]", cursor);
      if (close < 0) {
        // The first `[` without its `]` is not an index: it becomes `_` with the rest of the name.
        if (indices.length === 0) return { base: `${base}_${name.slice(start).replace(/[ .[]/g, "_")}`, indices: [] };
        break;
      }
      index = name.slice(start, close);
      at = close + 1;
    }
    indices.push(index);
    start = at;
  }
  return { base, indices };
}

function assign(target: PhpArray, path: Array<string | number | null>, value: string): void {
  let array = target;
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    const key = step === null || step === undefined ? nextIndex(array) : step;
    if (i === path.length - 1) {
      array.set(key, value);
      return;
    }
    const existing = array.get(key);
    if (existing instanceof Map) array = existing;
    else {
      const child: PhpArray = new Map();
      array.set(key, child);
      array = child;
    }
  }
}

/** `parse_str($query, $out)`: PHP's reading of a query string (no `?`). Refuses more variables or deeper nesting than PHP keeps. */
export function parseQueryString(query: string): PhpArray {
  const out: PhpArray = new Map();
  const pairs = query.split("&").filter((pair) => pair !== "");
  if (pairs.length > MAX_INPUT_VARS) refuseWith(400, `A request may carry at most ${MAX_INPUT_VARS} parameters.`);
  for (const pair of pairs) {
    const equals = pair.indexOf("=");
    const name = splitName(urlDecode(equals < 0 ? pair : pair.slice(0, equals)));
    if (!name) continue; // PHP has nowhere to put a value without a name
    if (name.indices.length >= MAX_NESTING) refuseWith(400, `A parameter may be nested at most ${MAX_NESTING - 1} levels deep.`);
    const value = equals < 0 ? "" : urlDecode(pair.slice(equals + 1));
    assign(out, [name.base, ...name.indices.map((index) => (index === null ? null : arrayKey(index)))], value);
  }
  return out;
}

/** What Laravel's TrimStrings middleware strips from both ends of a string. */
const TRIMMED = /^[\t\n\v\f\r \uFEFF\u200B\u200E]+|[\t\n\v\f\r \uFEFF\u200B\u200E]+$/g;

/**
 * Laravel's TrimStrings and ConvertEmptyStringsToNull, through arrays and JSON objects alike: a
 * string is trimmed, and one left empty is null (so `date_from=` is as if it were not sent).
 */
export function laravelValue(value: unknown): unknown {
  if (typeof value === "string") {
    const trimmed = value.replace(TRIMMED, "");
    return trimmed === "" ? null : trimmed;
  }
  if (value instanceof Map) return new Map([...value].map(([key, item]) => [key, laravelValue(item)]));
  if (Array.isArray(value)) return value.map(laravelValue);
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, laravelValue(item)]));
  return value;
}

/** The query string as Laravel's `$request->query()`: PHP's parse, trimmed, empties null; top-level names as an object. */
export function queryInput(query: string): Record<string, unknown> {
  return Object.fromEntries([...parseQueryString(query)].map(([key, value]) => [String(key), laravelValue(value)]));
}

/** The items of an array-like input in order: a PHP array's values, a JSON array's elements or a JSON object's values. */
export function itemsOf(value: unknown): unknown[] | null {
  if (value instanceof Map) return [...value.values()];
  if (Array.isArray(value)) return value;
  if (typeof value === "object" && value !== null) return Object.values(value);
  return null;
}

/** A field of an array-like input (`filter.property` of a PHP array or a JSON object). */
export function fieldOf(value: unknown, key: string): unknown {
  if (value instanceof Map) return value.get(key);
  if (typeof value === "object" && value !== null && !Array.isArray(value)) return (value as Record<string, unknown>)[key];
  return undefined;
}

/** The keys of an array-like input, as strings. */
export function keysOf(value: unknown): string[] {
  if (value instanceof Map) return [...value.keys()].map(String);
  if (Array.isArray(value)) return value.map((_, index) => String(index));
  if (typeof value === "object" && value !== null) return Object.keys(value);
  return [];
}
