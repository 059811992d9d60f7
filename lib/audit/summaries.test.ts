import { describe, expect, it } from "vitest";
import { eventCreated, eventDeleted, eventUpdated, milestoneCreated, milestoneDeleted, milestoneUpdated } from "./summaries";

const launch = { name: "Launch", milestone_date: "2024-03-01 00:00:00" };

describe("audit summaries", () => {
  it("says what a milestone write changed, with dates as days", () => {
    expect(milestoneCreated({ name: "Launch", milestone_date: "2024-03-01" })).toBe("Created milestone “Launch” on 2024-03-01");
    expect(milestoneUpdated(launch, { name: "Relaunch", milestone_date: "2024-03-01" })).toBe("Renamed milestone “Launch” to “Relaunch”");
    expect(milestoneUpdated(launch, { name: "Launch", milestone_date: "2024-03-05" })).toBe(
      "Moved milestone “Launch” from 2024-03-01 to 2024-03-05",
    );
    expect(milestoneUpdated(launch, { name: "Relaunch", milestone_date: "2024-03-05" })).toBe(
      "Renamed milestone “Launch” to “Relaunch” and moved it from 2024-03-01 to 2024-03-05",
    );
    expect(milestoneUpdated(launch, { name: "Launch", milestone_date: "2024-03-01" })).toContain("unchanged");
    expect(milestoneUpdated(undefined, { name: "Launch", milestone_date: "2024-03-01" })).toBe("Set a milestone to “Launch” on 2024-03-01");
    expect(milestoneDeleted(launch, "m-1")).toBe("Deleted milestone “Launch” of 2024-03-01");
    expect(milestoneDeleted(undefined, "m-1")).toBe("Deleted milestone m-1");
  });

  it("says what an event write changed, and that a delete loses its data", () => {
    expect(eventCreated({ name: "Signup" })).toBe("Created event “Signup” with currency dollar");
    expect(eventCreated({ name: "Order", currency: "euro" })).toBe("Created event “Order” with currency euro");
    const signup = { name: "Signup", currency: null };
    expect(eventUpdated(signup, { name: "Sign-up" })).toBe("Renamed event “Signup” to “Sign-up”");
    expect(eventUpdated(signup, { currency: "yen" })).toBe("Set the currency of event “Signup” to yen");
    expect(eventUpdated(signup, { name: "Sign-up", currency: "yen" })).toBe("Renamed event “Signup” to “Sign-up” and set its currency to yen");
    expect(eventUpdated(undefined, { name: "Sign-up" })).toBe("Named an event “Sign-up”");
    expect(eventUpdated(signup, { name: "Signup" })).toBe("Saved event “Signup” unchanged");
    expect(eventDeleted(signup, "e-1")).toBe("Deleted event “Signup” with all its conversion data");
    expect(eventDeleted(undefined, "e-1")).toBe("Deleted event e-1 with all its conversion data");
  });
});
