/**
 * Input checks with the messages Fathom's Laravel back end writes ("The name field is required.",
 * "The name may not be greater than 30 characters."). One failing rule per field, all fields checked,
 * then a 400 `{ errors }` if any failed. Lengths are counted in characters (code points), as PHP's
 * `mb_strlen` counts them, not in UTF-16 units: a 16-emoji name is 16 characters.
 */
import { fathomLength } from "@/lib/query/fathom-fields";
import { refuseFields } from "./answers";
import { isValidTimeZone } from "./time-zone";

export type Input = Record<string, unknown>;

const label = (field: string) => field.replace(/_/g, " ");
const present = (value: unknown) => value !== undefined && value !== null && value !== "";

export class Validator {
  private readonly errors: Record<string, string[]> = {};

  constructor(private readonly input: Input) {}

  /** Records a failure of a rule checked elsewhere (the first failure per field wins). */
  fail(field: string, message: string): this {
    if (!this.errors[field]) this.errors[field] = [message];
    return this;
  }

  private has(field: string) {
    return present(this.input[field]) && !this.errors[field];
  }

  required(field: string): this {
    if (!present(this.input[field])) this.fail(field, `The ${label(field)} field is required.`);
    return this;
  }

  /** Required when `condition` holds; `when` completes the message ("sharing is private"). */
  requiredIf(field: string, condition: boolean, when: string): this {
    if (condition && !present(this.input[field])) this.fail(field, `The ${label(field)} field is required when ${when}.`);
    return this;
  }

  string(field: string, max: number): this {
    if (!this.has(field)) return this;
    const value = this.input[field];
    if (typeof value !== "string") this.fail(field, `The ${label(field)} must be a string.`);
    else if (fathomLength(value) > max) this.fail(field, `The ${label(field)} may not be greater than ${max} characters.`);
    return this;
  }

  oneOf(field: string, allowed: readonly string[]): this {
    if (this.has(field) && !allowed.includes(this.input[field] as string)) this.fail(field, `The selected ${label(field)} is invalid.`);
    return this;
  }

  boolean(field: string): this {
    if (this.has(field) && booleanValue(this.input[field]) === undefined) this.fail(field, `The ${label(field)} field must be true or false.`);
    return this;
  }

  timezone(field: string): this {
    if (this.has(field) && (typeof this.input[field] !== "string" || !isValidTimeZone(this.input[field]))) this.fail(field, `The ${label(field)} must be a valid zone.`);
    return this;
  }

  /** A string, not an array (`name[]=…` or `name[key]=…` in a query string, an array or object in JSON). */
  scalar(field: string): this {
    const value = this.input[field];
    if (this.has(field) && (typeof value === "object" || typeof value === "boolean")) this.fail(field, `The ${label(field)} must be a string.`);
    return this;
  }

  /** A real calendar date written `YYYY-MM-DD`. */
  date(field: string): this {
    if (!this.has(field)) return this;
    const value = this.input[field];
    const time = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN;
    const valid = !Number.isNaN(time) && new Date(time).toISOString().startsWith(value as string);
    if (!valid) this.fail(field, `The ${label(field)} does not match the format Y-m-d.`);
    return this;
  }

  /** Throws the 400 validation answer when any rule failed. */
  check(): void {
    if (Object.keys(this.errors).length) refuseFields(this.errors);
  }
}


const TRUE_WORDS = new Set(["1", "true", "on", "yes"]);
const FALSE_WORDS = new Set(["0", "false", "off", "no"]);

/**
 * A boolean input as Laravel reads one (`$request->boolean()`, PHP's FILTER_VALIDATE_BOOLEAN): JSON
 * true/false/1/0 or, any case, `1/true/on/yes` and `0/false/off/no`; undefined for anything else,
 * which the simulator refuses rather than read as false.
 */
export function booleanValue(value: unknown): boolean | undefined {
  if (value === true || value === 1) return true;
  if (value === false || value === 0) return false;
  if (typeof value !== "string") return undefined;
  const word = value.trim().toLowerCase();
  return TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : undefined;
}

/** True only for a spelling of true (see `booleanValue`). */
export const truthy = (value: unknown): boolean => booleanValue(value) === true;
