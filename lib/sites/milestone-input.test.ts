import { describe, expect, it } from "vitest";
import { fieldsFromZod } from "@/lib/api/errors";
import { isCalendarDate, milestoneInputSchema, sortMilestones, toMilestoneView } from "./milestone-input";

const fieldErrors = (input: unknown) => {
  const result = milestoneInputSchema.safeParse(input);
  return result.success ? {} : fieldsFromZod(result.error);
};

describe("milestone input", () => {
  it("accepts Fathom's limits exactly: 30 characters and a YYYY-MM-DD date", () => {
    expect(milestoneInputSchema.parse({ name: "x".repeat(30), milestone_date: "2024-02-29" })).toEqual({
      name: "x".repeat(30),
      milestone_date: "2024-02-29",
    });
    expect(milestoneInputSchema.parse({ name: "  Spring campaign ", milestone_date: "2024-03-01" }).name).toBe("Spring campaign");
  });

  it("refuses a 31-character name with a message that gives the limit and the count", () => {
    expect(fieldErrors({ name: "x".repeat(31), milestone_date: "2024-03-01" })).toEqual({
      name: ["Fathom allows at most 30 characters in a milestone name; this one has 31"],
    });
  });

  it("counts characters as Fathom does: sixteen rockets are 16 of 30, thirty-one faces are one too many", () => {
    expect(fieldErrors({ name: "🚀".repeat(16), milestone_date: "2024-03-01" })).toEqual({});
    expect(fieldErrors({ name: "😀".repeat(30), milestone_date: "2024-03-01" })).toEqual({});
    expect(fieldErrors({ name: "😀".repeat(31), milestone_date: "2024-03-01" })).toEqual({
      name: ["Fathom allows at most 30 characters in a milestone name; this one has 31"],
    });
  });

  it("needs both fields, on create and on update alike", () => {
    expect(fieldErrors({})).toEqual({ name: ["Give the milestone a name"], milestone_date: ["Pick the milestone's date"] });
    expect(fieldErrors({ name: "   ", milestone_date: "" })).toEqual({
      name: ["Give the milestone a name"],
      milestone_date: ["Pick the milestone's date"],
    });
  });

  it("refuses other date formats and dates that do not exist, one message each", () => {
    expect(fieldErrors({ name: "A", milestone_date: "01/03/2024" })).toEqual({ milestone_date: ["Write the date as YYYY-MM-DD"] });
    expect(fieldErrors({ name: "A", milestone_date: "2024-03-01 00:00:00" })).toEqual({ milestone_date: ["Write the date as YYYY-MM-DD"] });
    expect(fieldErrors({ name: "A", milestone_date: "2023-02-29" })).toEqual({ milestone_date: ["That date does not exist"] });
    expect(isCalendarDate("2024-13-01")).toBe(false);
    expect(isCalendarDate("2024-12-31")).toBe(true);
  });
});

describe("milestone order", () => {
  it("puts the newest date first and breaks ties by name", () => {
    const make = (id: string, name: string, date: string) => ({ id, name, date, createdAt: "", updatedAt: null });
    const sorted = sortMilestones([make("1", "B", "2024-01-01"), make("2", "Z", "2024-05-01"), make("3", "A", "2024-01-01")]);
    expect(sorted.map((m) => m.id)).toEqual(["2", "3", "1"]);
  });
});

describe("milestone view", () => {
  it("shows Fathom's milestone date as a day", () => {
    expect(
      toMilestoneView({ id: "m1", name: "Launch", milestone_date: "2024-01-15 00:00:00", created_at: "2024-01-10 12:00:00", updated_at: null }),
    ).toEqual({ id: "m1", name: "Launch", date: "2024-01-15", createdAt: "2024-01-10 12:00:00", updatedAt: null });
  });
});
