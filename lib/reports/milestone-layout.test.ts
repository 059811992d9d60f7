import { describe, expect, it } from "vitest";
import { milestoneLabel, milestoneLabelWidth, milestonesCrowded } from "./milestone-layout";

const buckets = Array.from({ length: 30 }, (_, index) => `2024-05-${String(index + 1).padStart(2, "0")}`);
const marker = (day: number, name: string) => ({ bucket: buckets[day - 1]!, names: [name], ids: [name] });

describe("milestone labels", () => {
  it("are cut after 18 characters", () => {
    expect(milestoneLabel(["Spring launch", "Press release"])).toBe("Spring launch, Pr…");
    expect(milestoneLabelWidth(["Launch"])).toBeLessThan(milestoneLabelWidth(["Spring launch"]));
  });

  it("are numbered when two are closer than a label is wide, as on a phone", () => {
    const markers = [marker(6, "Spring launch"), marker(10, "Newsletter")];
    // 30 days over 900px: 30px a day, 120px apart, wider than "Spring launch" (about 95px).
    expect(milestonesCrowded(markers, buckets, 900)).toBe(false);
    // A phone: 290px, under 10px a day.
    expect(milestonesCrowded(markers, buckets, 290)).toBe(true);
  });

  it("are numbered when the last would run off the chart, and never for none", () => {
    expect(milestonesCrowded([marker(30, "A very long milestone")], buckets, 300)).toBe(true);
    expect(milestonesCrowded([marker(3, "Launch")], buckets, 300)).toBe(false);
    expect(milestonesCrowded([], buckets, 100)).toBe(false);
  });
});
