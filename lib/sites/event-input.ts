/**
 * What an event write may carry, with Fathom's rules (name 1–255 characters, a currency from Fathom's
 * list, `dollar` when none is given) and messages a person understands. Isomorphic: the form checks it
 * before sending and the route handler checks it again before any request to Fathom is spent.
 */
import { z } from "zod";
import { EVENT_CURRENCIES, fathomLength, MAX_NAME_LENGTH } from "@/lib/query/fathom-fields";

export const eventNameSchema = z
  .string({ error: "Give the event a name" })
  .trim()
  .min(1, "Give the event a name")
  .refine((name) => fathomLength(name) <= MAX_NAME_LENGTH, {
    error: (issue) => `Fathom allows at most ${MAX_NAME_LENGTH} characters in an event name; this one has ${fathomLength(String(issue.input ?? ""))}`,
  });

export const eventCurrencyInputSchema = z.enum(EVENT_CURRENCIES, { error: "Pick a currency from the list" });

export const createEventInputSchema = z.object({
  name: eventNameSchema,
  currency: eventCurrencyInputSchema.default("dollar"),
});
export type CreateEventInput = z.input<typeof createEventInputSchema>;
/** A create once checked: the currency filled in. */
export type NewEvent = z.output<typeof createEventInputSchema>;

/** Only the fields to change; at least one. */
export const updateEventInputSchema = z
  .object({ name: eventNameSchema.optional(), currency: eventCurrencyInputSchema.optional() })
  .refine((change) => change.name !== undefined || change.currency !== undefined, "Change the name or the currency");
export type UpdateEventInput = z.infer<typeof updateEventInputSchema>;

/** How each currency reads in a list. `integer` and `none` are Fathom's two ways of saying "not money". */
export const CURRENCY_LABELS: Record<(typeof EVENT_CURRENCIES)[number], string> = {
  dollar: "Dollar ($)",
  pound: "Pound (£)",
  euro: "Euro (€)",
  yuan: "Yuan (¥)",
  peso: "Peso ($)",
  shekel: "Shekel (₪)",
  yen: "Yen (¥)",
  won: "Won (₩)",
  hryvnia: "Hryvnia (₴)",
  franc: "Franc (CHF)",
  rupee: "Rupee (₹)",
  integer: "Plain number",
  none: "No value",
};

/**
 * An event as Sounding's own API returns it. `currency` is what Fathom answered on a write, or what it
 * was last set to through Sounding; null when unknown (Fathom's lists never say).
 */
export const eventViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  currency: eventCurrencyInputSchema.nullable(),
  createdAt: z.string(),
});
export type EventView = z.infer<typeof eventViewSchema>;

/**
 * Fathom's event as Sounding's API shows it. Fathom fills `currency` only in answers to writes, so
 * `knownCurrency` (what it was last set to through Sounding) stands in when the answer has none.
 */
export function toEventView(
  event: { id: string; name: string; currency: string | null; created_at: string },
  knownCurrency?: string,
): EventView {
  const currency = eventCurrencyInputSchema.safeParse(event.currency ?? knownCurrency);
  return { id: event.id, name: event.name, currency: currency.success ? currency.data : null, createdAt: event.created_at };
}

export const eventListResponseSchema = z.object({ events: z.array(eventViewSchema) });

/** Alphabetical, case-insensitively: how people look for an event by name. */
export function sortEvents<T extends EventView>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: "base" }) || a.id.localeCompare(b.id));
}
