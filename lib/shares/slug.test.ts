import { describe, expect, it } from "vitest";
import { shareSlugSchema } from "./share";
import { newShareSlug } from "./slug";

describe("newShareSlug", () => {
  it("makes slugs the share routes accept, a different one each time", () => {
    const slugs = Array.from({ length: 200 }, newShareSlug);
    for (const slug of slugs) expect(shareSlugSchema.safeParse(slug).success, slug).toBe(true);
    expect(new Set(slugs).size).toBe(slugs.length);
  });
});
