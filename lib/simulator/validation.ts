/**
 * Input checks with the messages Fathom's Laravel back end writes ("The name field is required.",
 * "The name may not be greater than 30 characters."). One failing rule per field, all fields checked,
 * then a 400 `{ errors }` if any failed.
 */
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
    else if (value.length > max) this.fail(field, `The ${label(field)} may not be greater than ${max} characters.`);
    return this;
  }

  oneOf(field: string, allowed: readonly string[]): this {
    if (this.has(field) && !allowed.includes(this.input[field] as string)) this.fail(field, `The selected ${label(field)} is invalid.`);
    return this;
  }

  boolean(field: string): this {
    if (this.has(field) && ![true, false, 0, 1, "0", "1", "true", "false"].includes(this.input[field] as never)) {
      this.fail(field, `The ${label(field)} field must be true or false.`);
    }
    return this;
  }

  timezone(field: string): this {
    if (this.has(field) && (typeof this.input[field] !== "string" || !isValidTimeZone(this.input[field]))) this.fail(field, `The ${label(field)} must be a valid zone.`);
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

/** `true` for the spellings of true that Laravel's boolean rule accepts. */
export function truthy(value: unknown): boolean {
  return value === true || value === 1 || value === "1" || value === "true";
}
