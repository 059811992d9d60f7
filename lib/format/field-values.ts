/**
 * A grouped field's value as a reader sees it, decided once for the table, the charts and their tooltips:
 * an empty value is named ("Direct / none" for where a visit came from, "(none)" for anything else), and a
 * country's ISO code becomes its English name with its flag (the code stays available for a title). The
 * CSV does not come here: it writes the raw values. Isomorphic and pure.
 */
import type { GroupableField } from "@/lib/query/fathom-fields";

/** What a missing value (no UTM tag, no city) reads as. */
export const NONE_LABEL = "(none)";
/** What a visit without a referrer (typed in, bookmarked, an app) reads as, as Fathom and Plausible say it. */
export const DIRECT_LABEL = "Direct / none";

/** Fields whose empty value means the visit came straight in rather than "no value". */
const REFERRER_LIKE: ReadonlySet<GroupableField> = new Set(["referrer_hostname", "referrer_pathname", "referrer_source", "utm_source", "utm_medium"]);

export type FieldValueLabel = {
  /** The words shown: "Germany", "Direct / none", "/pricing". */
  text: string;
  /** A country's flag, drawn before its name (decoration: screen readers get the name). */
  flag?: string;
  /** The value as Fathom sent it, when the text differs from it (a country's ISO code). */
  raw?: string;
  /** There is no value (the table draws these muted). */
  missing: boolean;
};

/** The label of a field's empty value. */
export function noneLabel(field: GroupableField): string {
  return REFERRER_LIKE.has(field) ? DIRECT_LABEL : NONE_LABEL;
}

let regionNames: Intl.DisplayNames | null | undefined;
function regions(): Intl.DisplayNames | null {
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
    } catch {
      regionNames = null;
    }
  }
  return regionNames;
}

/** A two-letter code Intl knows as a region ("ZZ" is its "Unknown Region"); else null. */
function knownRegion(code: string): string | null {
  if (!/^[A-Z]{2}$/.test(code) || code === "ZZ") return null;
  try {
    return regions()?.of(code) ?? null;
  } catch {
    return null;
  }
}

/** A country's English name (`DE` → `Germany`); the code itself when it is not one Intl knows. */
export function countryName(code: string): string {
  const upper = code.trim().toUpperCase();
  return knownRegion(upper) ?? code;
}

/** A country's flag from its regional-indicator symbols (`DE` → 🇩🇪); null for an unknown code. */
export function countryFlag(code: string): string | null {
  const upper = code.trim().toUpperCase();
  if (!knownRegion(upper)) return null;
  // "UK" is an alias Intl accepts; its flag is GB's.
  const iso = upper === "UK" ? "GB" : upper;
  return String.fromCodePoint(...[...iso].map((letter) => 0x1f1e6 + letter.charCodeAt(0) - 65));
}

/** A field's value as shown. Null, empty and blank values are "missing". */
export function fieldValueLabel(field: GroupableField, value: string | null | undefined): FieldValueLabel {
  if (value === null || value === undefined || value.trim() === "") return { text: noneLabel(field), missing: true };
  if (field === "country_code") {
    const name = countryName(value);
    if (name === value) return { text: value, missing: false };
    const flag = countryFlag(value);
    return { text: name, raw: value, missing: false, ...(flag ? { flag } : {}) };
  }
  return { text: value, missing: false };
}

/** A field's value as one string: the text, with the flag before it when `flag` is set (what a chart draws). */
export function fieldValueText(field: GroupableField, value: string | null | undefined, { flag = false }: { flag?: boolean } = {}): string {
  const label = fieldValueLabel(field, value);
  return flag && label.flag ? `${label.flag} ${label.text}` : label.text;
}
