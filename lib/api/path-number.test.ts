import { describe, expect, it } from "vitest";
import { userIdSchema } from "@/lib/auth/users";
import { inviteIdSchema } from "@/lib/auth/pending-invite";
import { pathNumberSchema } from "./path-number";

describe("ids in paths", () => {
  it("take plain positive integers that fit a 32-bit id column", () => {
    const id = pathNumberSchema("a thing id");
    expect(id.parse("1")).toBe(1);
    expect(id.parse("2147483647")).toBe(2_147_483_647);
  });

  it.each(["0", "01", "-1", "+1", "1e3", " 1", "1.0", "2147483648", "9999999999", "", "abc"])("refuse %j, for users and invites too", (raw) => {
    expect(pathNumberSchema("a thing id").safeParse(raw).success).toBe(false);
    // A user id past the column's range reached PostgreSQL as an out-of-range error (a 500) before.
    expect(userIdSchema.safeParse(raw).success).toBe(false);
    expect(inviteIdSchema.safeParse(raw).success).toBe(false);
  });
});
