import { describe, expect, it } from "vitest";
import { fieldsFromZod } from "@/lib/api/errors";
import { EVENT_CURRENCIES } from "@/lib/query/fathom-fields";
import { CURRENCY_LABELS, createEventInputSchema, sortEvents, toEventView, updateEventInputSchema } from "./event-input";

describe("event input", () => {
  it("defaults the currency to dollar, as Fathom does", () => {
    expect(createEventInputSchema.parse({ name: "Signed up" })).toEqual({ name: "Signed up", currency: "dollar" });
  });

  it("takes names up to 255 characters and refuses longer ones with the count", () => {
    expect(createEventInputSchema.safeParse({ name: "e".repeat(255) }).success).toBe(true);
    const result = createEventInputSchema.safeParse({ name: "e".repeat(256) });
    expect(result.success).toBe(false);
    expect(fieldsFromZod(result.error!)).toEqual({ name: ["Fathom allows at most 255 characters in an event name; this one has 256"] });
    // Characters, as Fathom counts them: 255 emoji (510 UTF-16 units) fit.
    expect(createEventInputSchema.safeParse({ name: "🛒".repeat(255) }).success).toBe(true);
    expect(fieldsFromZod(createEventInputSchema.safeParse({ name: "🛒".repeat(256) }).error!)).toEqual({
      name: ["Fathom allows at most 255 characters in an event name; this one has 256"],
    });
  });

  it("accepts only Fathom's currencies", () => {
    for (const currency of EVENT_CURRENCIES) expect(createEventInputSchema.safeParse({ name: "x", currency }).success).toBe(true);
    const result = createEventInputSchema.safeParse({ name: "x", currency: "bitcoin" });
    expect(fieldsFromZod(result.error!)).toEqual({ currency: ["Pick a currency from the list"] });
  });

  it("updates only what is given, and something must be given", () => {
    expect(updateEventInputSchema.parse({ currency: "euro" })).toEqual({ currency: "euro" });
    expect(updateEventInputSchema.parse({ name: " Renamed " })).toEqual({ name: "Renamed" });
    const empty = updateEventInputSchema.safeParse({});
    expect(fieldsFromZod(empty.error!)).toEqual({ _: ["Change the name or the currency"] });
    expect(updateEventInputSchema.safeParse({ name: "" }).success).toBe(false);
  });

  it("labels every currency and sorts events by name", () => {
    expect(Object.keys(CURRENCY_LABELS).sort()).toEqual([...EVENT_CURRENCIES].sort());
    const make = (id: string, name: string) => ({ id, name, currency: null, createdAt: "" });
    expect(sortEvents([make("1", "purchase"), make("2", "Add to cart"), make("3", "Signup")]).map((e) => e.name)).toEqual([
      "Add to cart",
      "purchase",
      "Signup",
    ]);
  });
});

describe("event view", () => {
  it("takes Fathom's currency when it gives one, else the one last set in Sounding, else none", () => {
    const event = { id: "e1", name: "Signup", created_at: "2020-08-21 15:24:00" };
    expect(toEventView({ ...event, currency: "euro" }, "yen").currency).toBe("euro");
    expect(toEventView({ ...event, currency: null }, "yen").currency).toBe("yen");
    expect(toEventView({ ...event, currency: null }).currency).toBeNull();
    expect(toEventView({ ...event, currency: null }, "bitcoin").currency).toBeNull();
    expect(toEventView({ ...event, currency: null })).toEqual({ id: "e1", name: "Signup", currency: null, createdAt: "2020-08-21 15:24:00" });
  });
});
